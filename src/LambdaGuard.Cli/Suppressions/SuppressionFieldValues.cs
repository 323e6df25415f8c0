using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>The entry fields as typed on the command line; null means "not given".</summary>
public sealed record SuppressionFieldValues
{
    public string? Reason { get; init; }

    public string? ExpiresAt { get; init; }

    public string? Principal { get; init; }

    public string? Function { get; init; }

    public string? Api { get; init; }

    public string? RuleId { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public bool AllowBroad { get; init; }

    public int MaxDays { get; init; } = SuppressionValidator.DefaultMaxExpiryDays;

    public bool AnyFieldGiven =>
        Reason is not null || ExpiresAt is not null || Principal is not null || Function is not null
        || Api is not null || RuleId is not null || Account is not null || Region is not null;
}
