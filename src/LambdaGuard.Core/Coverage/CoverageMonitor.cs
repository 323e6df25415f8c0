using LambdaGuard.Core.Ports;

namespace LambdaGuard.Core.Coverage;

/// <summary>
/// Records each spoke's heartbeat and alerts, once per silence, on spokes quiet for longer than the window.
/// Account and region are the EventBridge envelope's (set by EventBridge from the sending account and
/// region), never the heartbeat's own detail, which any sender could fill in.
/// </summary>
public sealed class CoverageMonitor(ISpokeSignals signals, IAlertPublisher publisher, TimeSpan window)
{
    public TimeSpan Window => window;

    public Task RecordHeartbeatAsync(string account, string region, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return signals.RecordAsync(account, region, at, cancellationToken);
    }

    public async Task<CoverageCheckResult> CheckAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var all = await signals.ListAsync(cancellationToken).ConfigureAwait(false);
        var alerted = new List<(SpokeSignal, string)>();
        var failed = new List<(SpokeSignal, string)>();
        foreach (var spoke in QuietSpokes.ToAlert(all, now, window))
        {
            if (!await signals.TryMarkQuietAlertedAsync(spoke, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                var messageId = await publisher.PublishAsync(QuietSpokeAlertBuilder.Build(spoke, now, window), deadline, cancellationToken).ConfigureAwait(false);
                alerted.Add((spoke, messageId));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await signals.UnmarkQuietAlertedAsync(spoke, now, cancellationToken).ConfigureAwait(false);
                failed.Add((spoke, ex.Message));
            }
        }

        return new CoverageCheckResult(all.Count, all.Count(s => s.IsQuietAt(now, window)), alerted, failed);
    }
}
