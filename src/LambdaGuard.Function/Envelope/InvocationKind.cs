namespace LambdaGuard.Function.Envelope;

internal enum InvocationKind
{
    /// <summary>EventBridge "AWS API Call via CloudTrail": the record is in <c>detail</c>.</summary>
    CloudTrailEvent,

    /// <summary>EventBridge "Scheduled Event": the daily heartbeat.</summary>
    ScheduledEvent,

    /// <summary>A spoke's heartbeat (EventBridge Scheduler, forwarded): coverage of its account and region.</summary>
    SpokeHeartbeat,

    /// <summary>A DynamoDB stream batch of the suppressions table (LG011 audit).</summary>
    SuppressionStreamBatch,

    /// <summary>Not JSON, or not an input the function is wired for.</summary>
    Unrecognised,
}
