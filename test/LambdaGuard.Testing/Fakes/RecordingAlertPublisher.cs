using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Testing.Fakes;

/// <summary>Accepts every alert and keeps it, answering MessageIds <c>message-1</c>, <c>message-2</c>, ...
/// Failures queued with <see cref="FailNext"/> are thrown by the next publishes, one each, before
/// <see cref="FailWhen"/> (a failure for some messages) and <see cref="Failure"/> (thrown by every publish while set).</summary>
public sealed class RecordingAlertPublisher : IAlertPublisher
{
    private readonly object gate = new();
    private readonly List<PublishedAlert> published = [];
    private readonly Queue<Exception> nextFailures = new();
    private int attempts;

    public Exception? Failure { get; set; }

    public Func<AlertMessage, Exception?>? FailWhen { get; set; }

    /// <summary>Publish calls, failed ones included.</summary>
    public int Attempts
    {
        get
        {
            lock (gate)
            {
                return attempts;
            }
        }
    }

    public IReadOnlyList<PublishedAlert> Published
    {
        get
        {
            lock (gate)
            {
                return [.. published];
            }
        }
    }

    public IReadOnlyList<AlertMessage> Messages => [.. Published.Select(p => p.Message)];

    public void FailNext(Exception failure)
    {
        lock (gate)
        {
            nextFailures.Enqueue(failure);
        }
    }

    public Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            attempts++;
            if (nextFailures.TryDequeue(out var next))
            {
                return Task.FromException<string>(next);
            }

            if ((FailWhen?.Invoke(message) ?? Failure) is { } failure)
            {
                return Task.FromException<string>(failure);
            }

            var messageId = $"message-{published.Count + 1}";
            published.Add(new PublishedAlert(message, deadline, messageId));
            return Task.FromResult(messageId);
        }
    }
}
