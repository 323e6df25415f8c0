namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Something wrong with a stored suppression item. <paramref name="Skipped"/>: the entry suppresses
/// nothing (docs/detections.md §5: any problem fails closed); otherwise a warning (an unanchored principal, an
/// unreadable version) about an entry that still applies.</summary>
/// <param name="Id">The item's id, when it has a readable one.</param>
public sealed record SuppressionItemProblem(string? Id, string Message, bool Skipped)
{
    public override string ToString() =>
        $"suppression {(Id is null ? "(no id)" : $"'{Id}'")}: {Message}{(Skipped ? " (the entry suppresses nothing)" : string.Empty)}";
}
