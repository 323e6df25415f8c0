namespace LambdaGuard.Core.Rules;

/// <param name="Seeds">The published rules this one replaces (README "Rules" section).</param>
/// <param name="Scope">Which actors and records the rule is evaluated for (docs/detections.md §3).</param>
/// <param name="ScopeNote">Where a rule's matches fall in more than one scope (LG004: Medium grants are changes).</param>
/// <param name="Severities">Every severity the rule itself gives (before the root and cross-account raises);
/// the base severity alone when null.</param>
public sealed record RuleDefinition(
    string Id,
    string Title,
    Severity BaseSeverity,
    IReadOnlyList<MitreMapping> Mitre,
    string Description,
    IReadOnlyList<string> Runbook,
    IReadOnlyList<string> Seeds,
    RuleScope Scope,
    bool Suppressible = true,
    string? ScopeNote = null,
    IReadOnlyList<Severity>? Severities = null)
{
    public IReadOnlyList<Severity> SeverityRange => Severities ?? [BaseSeverity];
}
