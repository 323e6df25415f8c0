namespace LambdaGuard.Core.Suppressions;

/// <param name="Blocker">Why the entry cannot suppress regardless of its selectors (expired, invalid,
/// rule not suppressible), or null.</param>
public sealed record SuppressionExplanation(SuppressionEntry Entry, IReadOnlyList<SelectorCheck> Checks, string? Blocker, bool Suppresses)
{
    public override string ToString()
    {
        var fields = string.Join(", ", Checks.Select(c => $"{c.Field} {(c.Matched ? "matches" : "does not match")} {c.Pattern}"));
        return Blocker is null ? fields : $"{fields}; {Blocker}";
    }
}
