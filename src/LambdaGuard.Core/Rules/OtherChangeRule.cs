namespace LambdaGuard.Core.Rules;

/// <summary>The catch-all: it matches only when no other rule did, so it never shows up as "also matched".</summary>
public sealed class OtherChangeRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG009",
        "Other Lambda change by a human",
        Severity.Low,
        [Mitre.PersistenceAccountManipulation, Mitre.ImpactServiceStop],
        "A person made a Lambda change outside the pipeline that no specific rule covers (aliases, versions, triggers, concurrency, tags, deletions).",
        [
            Runbooks.ContactActor,
            Runbooks.CheckPipeline,
            "Deletes and permission removals can break production or hide evidence: check what depended on the resource.",
            Runbooks.RevokeIfUnauthorized,
            Runbooks.SuppressIfExpected,
        ],
        ["Panther AWS.LAMBDA.CRUD"]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        var severity = context.Api.StartsWith("Delete", StringComparison.Ordinal) || context.Api.StartsWith("Remove", StringComparison.Ordinal)
            ? Severity.Medium
            : Definition.BaseSeverity;
        var known = Events.LambdaApiCatalog.IsKnownChange(context.Api) ? "a Lambda change" : "an api this version does not know, treated as a change";
        return new RuleMatch(Definition, severity, [$"{context.Api} is {known} made by a human actor"]);
    }
}
