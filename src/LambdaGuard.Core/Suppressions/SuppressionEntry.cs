namespace LambdaGuard.Core.Suppressions;

/// <summary>One suppression entry (docs/detections.md §5). Globs use <c>*</c> and <c>?</c>, case-sensitive,
/// whole-string. The same shape is stored in the local file and in the DynamoDB table.</summary>
public sealed record SuppressionEntry
{
    public required string Id { get; init; }

    public required string Reason { get; init; }

    /// <summary>Null only when the stored value could not be parsed; such an entry never suppresses.</summary>
    public required DateTimeOffset? ExpiresAt { get; init; }

    public string? Principal { get; init; }

    public string? Function { get; init; }

    public string? Api { get; init; }

    public string? RuleId { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Optimistic-concurrency counter of the DynamoDB item; absent in files.</summary>
    public long? Version { get; init; }

    /// <summary>What was wrong with the stored form that this type cannot hold (an unknown key such as
    /// <c>princpal</c>, a selector stored as a number or null). An entry with any never suppresses.</summary>
    public IReadOnlyList<SuppressionProblem> ReadProblems { get; init; } = [];
}
