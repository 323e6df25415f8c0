using LambdaGuard.Core.Coverage;

namespace LambdaGuard.Testing.Fakes;

public sealed record QuietMarkAttempt(SpokeSignal Signal, DateTimeOffset Now, bool Granted);
