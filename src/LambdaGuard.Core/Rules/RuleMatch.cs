namespace LambdaGuard.Core.Rules;

/// <param name="Reasons">Why the rule matched, in words an analyst can check against the event.</param>
public sealed record RuleMatch(RuleDefinition Rule, Severity Severity, IReadOnlyList<string> Reasons);
