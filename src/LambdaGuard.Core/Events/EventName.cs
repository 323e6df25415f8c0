namespace LambdaGuard.Core.Events;

/// <param name="Api">The public API name, e.g. <c>UpdateFunctionCode</c>.</param>
/// <param name="Version">The API-version suffix CloudTrail appended, e.g. <c>20150331v2</c>, or null.</param>
public readonly record struct EventName(string Raw, string Api, string? Version);
