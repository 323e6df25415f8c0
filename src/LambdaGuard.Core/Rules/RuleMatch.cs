namespace LambdaGuard.Core.Rules;

/// <param name="Reasons">Why the rule matched, in words an analyst can check against the event.</param>
public sealed record RuleMatch(RuleDefinition Rule, Severity Severity, IReadOnlyList<string> Reasons)
{
    /// <summary>Usually the rule's own scope; a rule whose weaker matches are routine changes narrows it
    /// (LG004 at Medium is a change, so a pipeline's same-account grant raises nothing).</summary>
    public RuleScope Scope { get; init; } = Rule.Scope;
}
