using LambdaGuard.Core.Coverage;

namespace LambdaGuard.Core.Ports;

/// <summary>The last signal (heartbeat) of every account and region that forwards to the detector
/// (docs/organization.md).</summary>
public interface ISpokeSignals
{
    /// <summary>Records a signal; an older signal than the stored one changes nothing. A new signal ends a
    /// quiet episode, so the next silence is alerted again.</summary>
    Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the spoke's current quiet episode as alerted, unless a signal arrived meanwhile or another
    /// check marked it first. True when this caller must send the alert.</summary>
    Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="TryMarkQuietAlertedAsync"/> after the alert could not be sent, so the next
    /// check tries again.</summary>
    Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken);
}
