using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Core.Ports;

public interface IAlertPublisher
{
    /// <summary>Publishes the message and returns the transport's message id. Throws when the message
    /// could not be delivered after the publisher's retries.</summary>
    /// <param name="deadline">No retry starts after it (the invocation's end minus a safety margin), so a
    /// retrying publisher never outlives the function timeout; null leaves only the publisher's own budget.</param>
    Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken);
}
