namespace LambdaGuard.Core.Coverage;

/// <param name="QuietAlertedAt">When the current silence was alerted; null while none was.</param>
public sealed record SpokeSignal(string Account, string Region, DateTimeOffset LastSignalAt, DateTimeOffset? QuietAlertedAt = null)
{
    public TimeSpan SilenceAt(DateTimeOffset now) => now - LastSignalAt;

    public bool IsQuietAt(DateTimeOffset now, TimeSpan window) => SilenceAt(now) > window;
}
