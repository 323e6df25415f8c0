using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Testing.Fakes;

/// <summary>A suppression list held in memory. Set <see cref="Failure"/> to play a table that cannot be read.</summary>
public sealed class InMemorySuppressionSource(params SuppressionEntry[] entries) : ISuppressionSource
{
    private readonly List<SuppressionEntry> entries = [.. entries];

    public IList<SuppressionEntry> Entries => entries;

    /// <summary>Thrown by every load while set.</summary>
    public Exception? Failure { get; set; }

    public int LoadCount { get; private set; }

    /// <summary>Plays a table that accepts the connection and never answers: the load never completes and
    /// ignores cancellation.</summary>
    public bool Unresponsive { get; set; }

    public Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LoadCount++;
        if (Unresponsive)
        {
            return new TaskCompletionSource<IReadOnlyList<SuppressionEntry>>().Task;
        }

        return Failure is { } failure
            ? Task.FromException<IReadOnlyList<SuppressionEntry>>(failure)
            : Task.FromResult<IReadOnlyList<SuppressionEntry>>([.. entries]);
    }
}
