namespace LambdaGuard.Cli.Replay;

/// <summary>What a message from one of the stack's failure queues (or the audit-failure bucket) holds, which
/// decides how replay redrives it (docs/function.md, "What replay redrives").</summary>
public enum FailureMessageKind
{
    /// <summary>A detector input (CloudTrail event, on-failure record with its payload, a trail file): the pipeline.</summary>
    DetectorInput,

    /// <summary>A tamper rule's event that could not reach its topic: republished unchanged.</summary>
    TamperEvent,

    /// <summary>An S3 on-failure object of the audit stream mapping, records included: LG011 audits.</summary>
    StreamBatch,

    /// <summary>An S3 "Object Created" event for the audit-failure bucket: the object is fetched and redriven.</summary>
    AuditFailureNotice,

    /// <summary>The daily heartbeat: nothing to redrive.</summary>
    Heartbeat,

    /// <summary>A stream-batch pointer without the records (an SQS on-failure destination): cannot be redriven.</summary>
    StreamBatchPointer,

    /// <summary>An on-failure record whose payload Lambda dropped for size: cannot be redriven.</summary>
    PayloadDropped,

    /// <summary>An EventBridge event LambdaGuard does not send anywhere: cannot be redriven.</summary>
    Unrecognised,
}
