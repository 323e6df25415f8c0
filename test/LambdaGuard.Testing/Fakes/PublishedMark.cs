namespace LambdaGuard.Testing.Fakes;

public sealed record PublishedMark(string AlertId, string ClaimToken, string MessageId, DateTimeOffset Now);
