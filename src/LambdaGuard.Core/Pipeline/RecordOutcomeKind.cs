namespace LambdaGuard.Core.Pipeline;

public enum RecordOutcomeKind
{
    /// <summary>No alert: the detector's decision says why (automation actor, read-only, other service...).</summary>
    NoFinding,

    /// <summary>A finding silenced by a suppression entry.</summary>
    Suppressed,

    /// <summary>The alert went to SNS by this delivery.</summary>
    Published,

    /// <summary>An earlier delivery already published this alert; nothing was sent.</summary>
    Duplicate,

    /// <summary>The record cannot be evaluated; reported, never retried.</summary>
    Malformed,

    /// <summary>Another delivery holds a live claim on the alert: retry later (the lease ends if it crashed).</summary>
    InProgress,

    /// <summary>SNS did not take the alert within the budget: retry, so it is not lost.</summary>
    PublishFailed,
}
