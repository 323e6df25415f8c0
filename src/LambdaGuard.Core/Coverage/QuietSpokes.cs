namespace LambdaGuard.Core.Coverage;

/// <summary>Which spokes have been silent longer than the window and were not alerted for this silence yet.</summary>
public static class QuietSpokes
{
    public static IReadOnlyList<SpokeSignal> ToAlert(IEnumerable<SpokeSignal> signals, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return
        [
            .. signals
                .Where(s => s.IsQuietAt(now, window) && s.QuietAlertedAt is null)
                .OrderBy(s => s.Account, StringComparer.Ordinal)
                .ThenBy(s => s.Region, StringComparer.Ordinal),
        ];
    }
}
