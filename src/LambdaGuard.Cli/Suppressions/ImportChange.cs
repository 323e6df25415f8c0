using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <param name="Before">The table's entry (with its version), if any.</param>
/// <param name="After">The file's entry, if any.</param>
public sealed record ImportChange(ImportChangeKind Kind, string Id, SuppressionEntry? Before, SuppressionEntry? After, IReadOnlyList<string> ChangedFields)
{
    public bool Writes => Kind is ImportChangeKind.Add or ImportChangeKind.Change or ImportChangeKind.Remove;
}
