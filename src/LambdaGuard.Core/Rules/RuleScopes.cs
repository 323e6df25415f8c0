using LambdaGuard.Core.Actors;

namespace LambdaGuard.Core.Rules;

/// <summary>The gates of docs/detections.md §2–§3 in one place: which scopes a record is evaluated in, and how
/// each scope is described to people (the <c>lambdaguard rules</c> listing, the docs).</summary>
public static class RuleScopes
{
    private static readonly IReadOnlySet<RuleScope> OwnOnly = new HashSet<RuleScope> { RuleScope.OwnResources };
    private static readonly IReadOnlySet<RuleScope> FailedRoot = new HashSet<RuleScope> { RuleScope.OwnResources, RuleScope.CatchAll };
    private static readonly IReadOnlySet<RuleScope> ExposureOnly = new HashSet<RuleScope> { RuleScope.OwnResources, RuleScope.Exposure };
    private static readonly IReadOnlySet<RuleScope> Everything = new HashSet<RuleScope> { RuleScope.OwnResources, RuleScope.Exposure, RuleScope.Change, RuleScope.CatchAll };

    /// <summary>The scopes whose rules may raise a finding for this record.</summary>
    public static IReadOnlySet<RuleScope> For(Actor actor, bool failed)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (failed)
        {
            return actor.Class == ActorClass.Root ? FailedRoot : OwnOnly;
        }

        if (actor.Class == ActorClass.AwsService)
        {
            return OwnOnly;
        }

        return actor.IsChangeAlerted ? Everything : ExposureOnly;
    }

    public static string Describe(RuleScope scope) => scope switch
    {
        RuleScope.Change => "Root, Human, Unknown and untrusted cross-account callers; successful changes",
        RuleScope.Exposure => "every actor but AwsService; successful changes",
        RuleScope.OwnResources => "every actor, failed attempts included",
        RuleScope.CatchAll => "Root, Human, Unknown and untrusted cross-account callers when no other rule matched; failed root calls",
        RuleScope.Audit => "suppression table changes (not CloudTrail records)",
        _ => scope.ToString(),
    };
}
