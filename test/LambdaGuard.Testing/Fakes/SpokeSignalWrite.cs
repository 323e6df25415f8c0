namespace LambdaGuard.Testing.Fakes;

public sealed record SpokeSignalWrite(string Account, string Region, DateTimeOffset SignalAt);
