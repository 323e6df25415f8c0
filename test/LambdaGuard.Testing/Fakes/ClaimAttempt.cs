namespace LambdaGuard.Testing.Fakes;

public sealed record ClaimAttempt(string AlertId, DateTimeOffset Now, TimeSpan Lease);
