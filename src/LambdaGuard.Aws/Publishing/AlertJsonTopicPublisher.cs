using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Aws.Publishing;

/// <summary>Publishes to the alert topic, then the alert JSON as a plain message (same subject and attributes)
/// to the alert-JSON topic that https subscribers such as PagerDuty or webhooks subscribe to. The alert topic
/// decides the outcome: once it has the alert, a failure on the second topic is reported, not thrown, because
/// a retry of the whole record would send every e-mail and chat message again.</summary>
public sealed class AlertJsonTopicPublisher(IAlertPublisher alertTopic, IAlertPublisher alertJsonTopic, Action<string> onProblem) : IAlertPublisher
{
    public async Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = await alertTopic.PublishAsync(message, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            await alertJsonTopic.PublishAsync(message.AsAlertJson(), deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            onProblem($"alert {message.AlertId} reached the alert topic but not the alert-JSON topic: {e.Message}");
        }

        return messageId;
    }
}
