using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Core.Tests.Coverage;

/// <summary>The port's contract in memory: latest signal wins, one mark per silence, a signal clears it.</summary>
internal sealed class InMemorySpokeSignals : ISpokeSignals
{
    private readonly Dictionary<(string, string), SpokeSignal> items = [];

    public int Writes { get; private set; }

    public Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken)
    {
        Writes++;
        if (!items.TryGetValue((account, region), out var current) || current.LastSignalAt < signalAt)
        {
            items[(account, region)] = new SpokeSignal(account, region, signalAt);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SpokeSignal>>([.. items.Values]);

    public Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Writes++;
        var key = (signal.Account, signal.Region);
        if (items.TryGetValue(key, out var current) && current.LastSignalAt == signal.LastSignalAt && current.QuietAlertedAt is null)
        {
            items[key] = current with { QuietAlertedAt = now };
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        Writes++;
        var key = (signal.Account, signal.Region);
        if (items.TryGetValue(key, out var current) && current.QuietAlertedAt == markedAt)
        {
            items[key] = current with { QuietAlertedAt = null };
        }

        return Task.CompletedTask;
    }
}
