namespace LambdaGuard.Core.Alerts;

/// <summary>A ready-to-send SNS message: <see cref="Message"/> is the MessageStructure=json document
/// (keys default, email, sqs, lambda, firehose, email-json, https), <see cref="Subject"/> is ASCII without
/// control characters and under 100 characters, <see cref="Attributes"/> are String message attributes
/// for subscription filter policies.</summary>
public sealed record AlertMessage(
    string AlertId,
    string Subject,
    string Message,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const string MessageStructure = "json";
}
