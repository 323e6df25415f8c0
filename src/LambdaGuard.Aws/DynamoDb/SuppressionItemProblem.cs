namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Something wrong with a stored suppression item. <paramref name="Skipped"/>: the item was left out
/// (it cannot be read safely, so it suppresses nothing); otherwise it was kept in a degraded form, e.g. with
/// an unreadable expiresAt, which makes it never suppress.</summary>
/// <param name="Id">The item's id, when it has a readable one.</param>
public sealed record SuppressionItemProblem(string? Id, string Message, bool Skipped)
{
    public override string ToString() =>
        $"suppression {(Id is null ? "(no id)" : $"'{Id}'")}: {Message}{(Skipped ? " (entry skipped)" : string.Empty)}";
}
