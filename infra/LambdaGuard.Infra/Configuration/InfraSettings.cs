namespace LambdaGuard.Infra.Configuration;

public sealed record InfraSettings
{
    public const int DefaultMemorySize = 256;
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultLogRetentionDays = 90;
    public const int DefaultSuppressionCacheSeconds = 60;
    public const int DefaultIngestLagAlarmSeconds = 900;
    public const string DefaultOwnFunction = "*LambdaGuard*";

    public required IReadOnlyList<string> Regions { get; init; }

    public string? AlertEmail { get; init; }

    public string? OperationsEmail { get; init; }

    public int? ReservedConcurrency { get; init; }

    public bool SnapStart { get; init; }

    public bool CreateTrail { get; init; }

    public KmsKeySetting KmsKey { get; init; } = KmsKeySetting.None;

    public int MemorySize { get; init; } = DefaultMemorySize;

    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    public IReadOnlyList<string> TrustedAccounts { get; init; } = [];

    public string? TrustedOrgId { get; init; }

    public IReadOnlyList<string> HumanRoles { get; init; } = [];

    public string OwnFunction { get; init; } = DefaultOwnFunction;

    public bool SecurityHub { get; init; }

    public int LogRetentionDays { get; init; } = DefaultLogRetentionDays;

    public int SuppressionCacheSeconds { get; init; } = DefaultSuppressionCacheSeconds;

    public int IngestLagAlarmSeconds { get; init; } = DefaultIngestLagAlarmSeconds;

    // The once-per-account resources (admin policy, optional trail) live in the first listed region.
    public string GlobalRegion => Regions[0];
}
