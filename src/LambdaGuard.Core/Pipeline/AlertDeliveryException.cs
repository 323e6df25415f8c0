namespace LambdaGuard.Core.Pipeline;

/// <summary>Thrown by the handler when an alert could not be delivered in this invocation (SNS failed, or
/// another delivery holds the claim), so Lambda retries the event and finally hands it to the on-failure
/// destination: an alert is delayed, never lost.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
