namespace LambdaGuard.Core.Pipeline;

/// <summary>Bounds one call to a port by wall-clock time. The port gets a token that is cancelled when the budget
/// is spent, and the wait itself is abandoned then too, so an adapter that does not honour cancellation (or an
/// endpoint that accepts a connection and never answers) cannot hold the invocation past its deadline.</summary>
internal static class CallBudget
{
    /// <exception cref="TimeoutException">The budget ran out (or was not positive to begin with).</exception>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan budget, string what, CancellationToken cancellationToken)
    {
        if (budget <= TimeSpan.Zero)
        {
            throw new TimeoutException($"{what}: no time left in this invocation");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(budget);
        try
        {
            return await call(limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what}: no answer within {budget.TotalSeconds:0.###} s");
        }
    }

    public static Task RunAsync(Func<CancellationToken, Task> call, TimeSpan budget, string what, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            },
            budget,
            what,
            cancellationToken);

    public static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
