using LambdaGuard.Core.Coverage;

namespace LambdaGuard.Testing.Fakes;

public sealed record QuietUnmark(SpokeSignal Signal, DateTimeOffset MarkedAt);
