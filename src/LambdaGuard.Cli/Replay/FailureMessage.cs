namespace LambdaGuard.Cli.Replay;

/// <summary>One message of a failure-queue dump or one failure object, classified.</summary>
/// <param name="Where">The file, and the message within it, for output lines.</param>
/// <param name="Body">The bytes to redrive: the event (detector input, tamper event) or the stream records
/// (<c>{"Records":[...]}</c>) of a failed audit batch.</param>
/// <param name="Detail">Why it cannot be redriven, or where it points (bucket/key, target topic).</param>
public sealed record FailureMessage(FailureMessageKind Kind, string Where, ReadOnlyMemory<byte> Body, string? Detail = null, string? TargetTopicArn = null);
