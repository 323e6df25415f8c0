using System.Text.Json;

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

    /// <summary>False for a plain message (the alert-JSON topic), published without MessageStructure.</summary>
    public bool Structured { get; init; } = true;

    /// <summary>The alert JSON (the document's <c>sqs</c> value) as a plain message with the same subject and
    /// attributes: what the alert-JSON topic carries to https subscribers such as PagerDuty or webhooks.</summary>
    /// <exception cref="InvalidOperationException">The message is not a structured document with an sqs key.</exception>
    public AlertMessage AsAlertJson()
    {
        if (!Structured)
        {
            return this;
        }

        try
        {
            using var document = JsonDocument.Parse(Message);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("sqs", out var sqs)
                && sqs.ValueKind == JsonValueKind.String)
            {
                return this with { Message = sqs.GetString()!, Structured = false };
            }
        }
        catch (JsonException)
        {
        }

        throw new InvalidOperationException($"Alert {AlertId} has no alert JSON (no 'sqs' key in its message document).");
    }
}
