using System.Net;

namespace LambdaGuard.Aws.Sns;

/// <summary>SNS did not accept the message. <see cref="IsTransient"/> tells a caller whether the last failure was
/// one that retrying later may fix (throttling, 5xx, network) — then the retry budget or attempts ran out —
/// or a permanent rejection (bad parameter, missing topic, access denied) that was not retried.</summary>
public sealed class SnsPublishException : Exception
{
    public SnsPublishException()
    {
    }

    public SnsPublishException(string message)
        : base(message)
    {
    }

    public SnsPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnsPublishException(
        string message,
        string? errorCode,
        HttpStatusCode? statusCode,
        string? requestId,
        int attempts,
        bool isTransient,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        Attempts = attempts;
        IsTransient = isTransient;
    }

    /// <summary>The SNS error code (e.g. InvalidParameter, Throttling), when the response carried one.</summary>
    public string? ErrorCode { get; }

    public HttpStatusCode? StatusCode { get; }

    public string? RequestId { get; }

    public int Attempts { get; }

    public bool IsTransient { get; }
}
