namespace LambdaGuard.Core.Rules;

/// <param name="Seeds">The published rules this one replaces (README "Rules" section).</param>
public sealed record RuleDefinition(
    string Id,
    string Title,
    Severity BaseSeverity,
    IReadOnlyList<MitreMapping> Mitre,
    string Description,
    IReadOnlyList<string> Runbook,
    IReadOnlyList<string> Seeds,
    bool Suppressible = true);
