using LambdaGuard.Core.Actors;

namespace LambdaGuard.Core.Rules;

/// <summary>The catch-all: it matches only when no other rule did, so it never shows up as "also matched".
/// It is also the one rule that sees a failed call by the root user.</summary>
public sealed class OtherChangeRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG009",
        "Other Lambda change by a human",
        Severity.Low,
        [Mitre.PersistenceAccountManipulation, Mitre.ImpactServiceStop],
        "A person made a Lambda change outside the pipeline that no specific rule covers (aliases, versions, triggers, concurrency, tags, deletions), or the root user tried a change and failed.",
        [
            Runbooks.ContactActor,
            Runbooks.CheckPipeline,
            "Deletes, permission removals and reserved concurrency 0 can break production or hide evidence: check what depended on the resource.",
            "Root use at all is worth a look: confirm who holds the root credentials and why they were used.",
            Runbooks.RevokeIfUnauthorized,
            Runbooks.SuppressIfExpected,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.CatchAll,
        Severities: [Severity.Low, Severity.Medium]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Failed)
        {
            return context.Actor.Class == ActorClass.Root
                ? new RuleMatch(Definition, Severity.Medium, [$"the root user tried {context.Api} and it failed ({context.Record.ErrorCode ?? context.Record.ErrorMessage})"])
                : null;
        }

        var known = Events.LambdaApiCatalog.IsKnownChange(context.Api) ? "a Lambda change" : "an api this version does not know, treated as a change";
        var reasons = new List<string> { $"{context.Api} is {known} made by {context.ChangeActor}" };
        var severity = Definition.BaseSeverity;
        if (context.Api.StartsWith("Delete", StringComparison.Ordinal) || context.Api.StartsWith("Remove", StringComparison.Ordinal))
        {
            severity = Severity.Medium;
        }
        else if (context.Api == "PutFunctionConcurrency" && context.Target.ReservedConcurrency == "0")
        {
            reasons.Add("reserved concurrency set to 0: the function is switched off");
            severity = Severity.Medium;
        }

        return new RuleMatch(Definition, severity, reasons);
    }
}
