namespace LambdaGuard.Core.Rules;

/// <summary>Which records and actors a rule sees (docs/detections.md §3). The detector picks the scopes that
/// apply to a record and evaluates only the rules declared in them, so no rule is special-cased by type.</summary>
public enum RuleScope
{
    /// <summary>Routine changes: Root, Human and Unknown actors, and untrusted cross-account callers.</summary>
    Change,

    /// <summary>Opening a function or its code to the outside: every actor but AwsService.</summary>
    Exposure,

    /// <summary>LambdaGuard's own resources: any actor, failed attempts included.</summary>
    OwnResources,

    /// <summary>The change nothing more specific matched; also sees failed calls by the root user.</summary>
    CatchAll,

    /// <summary>Not evaluated on CloudTrail records (the suppression table's stream).</summary>
    Audit,
}
