using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Pipeline;

/// <summary>What happened to one record: enough for the function's log line and metrics and for replay's
/// output line.</summary>
public sealed record RecordOutcome
{
    public required RecordOutcomeKind Kind { get; init; }

    public required RecordLocation Location { get; init; }

    public DetectionDecision? Decision { get; init; }

    public string? EventId { get; init; }

    public string? Api { get; init; }

    public string? RuleId { get; init; }

    public Severity? Severity { get; init; }

    public ActorClass? ActorClass { get; init; }

    public string? FunctionName { get; init; }

    /// <summary>The matching entry, when <see cref="RecordOutcomeKind.Suppressed"/>.</summary>
    public string? SuppressionId { get; init; }

    public SuppressionCheck? SuppressionCheck { get; init; }

    public string? AlertId { get; init; }

    /// <summary>The claims table did not answer in time or failed: the alert went out (or will) without the
    /// duplicate check, so delivery is at-least-once and subscribers dedupe on <see cref="AlertId"/>.</summary>
    public bool ClaimsUnavailable { get; init; }

    /// <summary>The SNS MessageId: this delivery's when published, the earlier one's when a duplicate (if known).</summary>
    public string? MessageId { get; init; }

    /// <summary>Seconds from the record's eventTime to processing; null when eventTime is unreadable.</summary>
    public double? LagSeconds { get; init; }

    /// <summary>A call that CloudTrail logged with errorCode/errorMessage (counted as FailedCalls).</summary>
    public bool FailedCall { get; init; }

    /// <summary>Why the record is malformed or could not be delivered.</summary>
    public string? Error { get; init; }

    /// <summary>Things that went wrong without changing the outcome (suppressions unavailable, claim not recorded).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The event must be delivered again: the function throws (EventBridge) or reports a batch item
    /// failure (stream); replay reports a failure.</summary>
    public bool RequiresRetry => Kind is RecordOutcomeKind.InProgress or RecordOutcomeKind.PublishFailed;

    public bool HasFinding => Kind is not (RecordOutcomeKind.NoFinding or RecordOutcomeKind.Malformed);
}
