using LambdaGuard.Core.Ports;

namespace LambdaGuard.Core.Pipeline;

/// <summary>Keeps the loaded suppression list for a short time, so a warm function does not read the table
/// for every event, while a new or removed entry applies within <c>duration</c>. A failed load is
/// remembered briefly too, so a table outage does not slow every record by a full SDK retry cycle.
/// Expiry of entries is not judged here: the matcher does that against the current time.
/// Not thread-safe: the function and replay process one record at a time.</summary>
internal sealed class SuppressionCache(ISuppressionSource source, TimeSpan duration, TimeSpan retryAfterFailure, TimeProvider time)
{
    private SuppressionSnapshot? current;
    private DateTimeOffset validUntil;

    /// <param name="budget">How long the load may take; after it the alert goes out unchecked.</param>
    public async Task<SuppressionSnapshot> GetAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (current is not null && now < validUntil)
        {
            return current;
        }

        try
        {
            var entries = await CallBudget.RunAsync(source.LoadAsync, budget, "suppression list", cancellationToken).ConfigureAwait(false);
            current = new SuppressionSnapshot(entries, null);
            validUntil = now + duration;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            current = new SuppressionSnapshot(null, $"{ex.GetType().Name}: {ex.Message}");
            validUntil = now + (retryAfterFailure < duration ? retryAfterFailure : duration);
        }

        return current;
    }
}
