namespace LambdaGuard.Function.Envelope;

/// <param name="Where">How logs name the input (the EventBridge event id, or "invocation payload").</param>
/// <param name="Problem">Why the input is <see cref="InvocationKind.Unrecognised"/>.</param>
internal sealed record ParsedInvocation(InvocationKind Kind, InvocationEnvelope? Envelope, string Where, string? Problem = null);
