namespace LambdaGuard.Core.Detection;

/// <summary>Where a function sends payloads on its own: an async destination or a dead-letter target.</summary>
/// <param name="Kind">How the record names it: <c>onSuccess</c>, <c>onFailure</c> or <c>deadLetter</c>.</param>
public sealed record Destination(string Kind, string Arn);
