using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>The entry fields as typed on the command line; null or absent means "not given".</summary>
public sealed record SuppressionFieldValues
{
    public string? Reason { get; init; }

    public string? ExpiresAt { get; init; }

    /// <summary>By selector name (<see cref="SuppressionSelectors"/>); an empty value removes the selector.</summary>
    public IReadOnlyDictionary<string, string> Selectors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool AllowBroad { get; init; }

    public int MaxDays { get; init; } = SuppressionValidator.DefaultMaxExpiryDays;

    public bool AnyFieldGiven => Reason is not null || ExpiresAt is not null || Selectors.Count > 0;
}
