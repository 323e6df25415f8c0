using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Testing.Fakes;

/// <summary>The spoke-signal table's rules in memory, as the DynamoDB adapter applies them: an older or equal
/// signal changes nothing, a newer one ends the quiet episode; a quiet mark is granted once per episode and only
/// for the signal it was read with; an unmark only undoes the mark made at that time. Times are kept to the
/// millisecond, as the table stores them. Every call is recorded.</summary>
public sealed class InMemorySpokeSignals : ISpokeSignals
{
    private readonly object gate = new();
    private readonly Dictionary<(string Account, string Region), SpokeSignal> spokes = [];
    private readonly List<SpokeSignalWrite> writes = [];
    private readonly List<QuietMarkAttempt> markAttempts = [];
    private readonly List<QuietUnmark> unmarks = [];
    private int lists;

    public IReadOnlyList<SpokeSignalWrite> Writes
    {
        get
        {
            lock (gate)
            {
                return [.. writes];
            }
        }
    }

    public IReadOnlyList<QuietMarkAttempt> MarkAttempts
    {
        get
        {
            lock (gate)
            {
                return [.. markAttempts];
            }
        }
    }

    public IReadOnlyList<QuietUnmark> Unmarks
    {
        get
        {
            lock (gate)
            {
                return [.. unmarks];
            }
        }
    }

    public int Lists
    {
        get
        {
            lock (gate)
            {
                return lists;
            }
        }
    }

    /// <summary>As if the spoke had been stored earlier; not recorded as a call.</summary>
    public SpokeSignal Seed(SpokeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var stored = new SpokeSignal(signal.Account, signal.Region, Stored(signal.LastSignalAt), signal.QuietAlertedAt is { } q ? Stored(q) : null);
        lock (gate)
        {
            spokes[(stored.Account, stored.Region)] = stored;
        }

        return stored;
    }

    public Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        cancellationToken.ThrowIfCancellationRequested();
        var at = Stored(signalAt);
        lock (gate)
        {
            writes.Add(new SpokeSignalWrite(account, region, signalAt));
            if (!spokes.TryGetValue((account, region), out var current) || current.LastSignalAt < at)
            {
                spokes[(account, region)] = new SpokeSignal(account, region, at);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            lists++;
            return Task.FromResult<IReadOnlyList<SpokeSignal>>(
                [.. spokes.Values.OrderBy(s => s.Account, StringComparer.Ordinal).ThenBy(s => s.Region, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var key = (signal.Account, signal.Region);
            var granted = spokes.TryGetValue(key, out var current) &&
                current.LastSignalAt == Stored(signal.LastSignalAt) &&
                current.QuietAlertedAt is null;
            if (granted)
            {
                spokes[key] = current! with { QuietAlertedAt = Stored(now) };
            }

            markAttempts.Add(new QuietMarkAttempt(signal, now, granted));
            return Task.FromResult(granted);
        }
    }

    public Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            unmarks.Add(new QuietUnmark(signal, markedAt));
            var key = (signal.Account, signal.Region);
            if (spokes.TryGetValue(key, out var current) && current.QuietAlertedAt == Stored(markedAt))
            {
                spokes[key] = current with { QuietAlertedAt = null };
            }
        }

        return Task.CompletedTask;
    }

    private static DateTimeOffset Stored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
