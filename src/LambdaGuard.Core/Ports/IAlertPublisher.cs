using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Core.Ports;

public interface IAlertPublisher
{
    /// <summary>Publishes the message and returns the transport's message id. Throws when the message
    /// could not be delivered after the publisher's retries.</summary>
    Task<string> PublishAsync(AlertMessage message, CancellationToken cancellationToken);
}
