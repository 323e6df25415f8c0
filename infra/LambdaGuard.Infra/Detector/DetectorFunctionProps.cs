using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using LambdaGuard.Infra.Configuration;

namespace LambdaGuard.Infra.Detector;

public sealed class DetectorFunctionProps
{
    public required FunctionSource Source { get; init; }

    public required ITable SuppressionsTable { get; init; }

    public required ITable ClaimsTable { get; init; }

    public required ITopic AlertTopic { get; init; }

    public required ITopic AlertJsonTopic { get; init; }

    public IKey? AlertTopicKey { get; init; }

    public required IQueue OnFailureQueue { get; init; }

    public int MemorySize { get; init; }

    public int TimeoutSeconds { get; init; }

    public int? ReservedConcurrency { get; init; }

    public bool SnapStart { get; init; }

    public int LogRetentionDays { get; init; }

    public IReadOnlyList<string> HumanRoles { get; init; } = [];

    public IReadOnlyList<string> TrustedAccounts { get; init; } = [];

    public string? TrustedOrgId { get; init; }

    public string OwnFunction { get; init; } = InfraSettings.DefaultOwnFunction;

    public bool SecurityHub { get; init; }

    public int SuppressionCacheSeconds { get; init; }

    public int AsyncRetryAttempts { get; init; } = 2;

    public int AsyncMaxEventAgeHours { get; init; } = 6;
}
