namespace LambdaGuard.Testing.Time;

/// <summary>A clock that jumps ahead by each timer's due time and fires it at once, so code that waits with
/// <c>Task.Delay(delay, timeProvider)</c> runs instantly while reading the time it would have reached.
/// Lets tests check budgets and deadlines exactly, without sleeping.</summary>
public sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = start;
    private readonly List<TimeSpan> waits = [];

    /// <summary>Every wait requested so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (gate)
            {
                return [.. waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Moves the clock to <paramref name="at"/>, backwards too (a clock that jumps).</summary>
    public void SetUtcNow(DateTimeOffset at)
    {
        lock (gate)
        {
            now = at;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                now += dueTime;
                waits.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
