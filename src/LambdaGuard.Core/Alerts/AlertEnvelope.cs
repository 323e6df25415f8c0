using System.Text;
using System.Text.Json;

namespace LambdaGuard.Core.Alerts;

/// <summary>Assembles the MessageStructure=json document: one text per protocol (docs/interfaces.md).</summary>
public static class AlertEnvelope
{
    /// <summary>SNS's limit is 256 KiB for the whole request payload; the margin covers the attribute and
    /// form-encoding overhead the publisher adds.</summary>
    public const int MaxEnvelopeBytes = 256 * 1024 - 6 * 1024;

    public static string Compose(string text, string alertJson, string chatbotJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("default", text);
            writer.WriteString("email", text);
            writer.WriteString("sqs", alertJson);
            writer.WriteString("lambda", alertJson);
            writer.WriteString("firehose", alertJson);
            writer.WriteString("email-json", alertJson);
            writer.WriteString("https", chatbotJson);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static int SizeOf(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Encoding.UTF8.GetByteCount(message.Message)
            + Encoding.UTF8.GetByteCount(message.Subject)
            + message.Attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value) + "String".Length);
    }

    /// <summary>AWS Chatbot custom notification (version 1.0, textType client-markdown: rendered in Slack's
    /// mrkdwn or Teams' markdown): title and description are markdown, so every value from the event is put in
    /// a code span by the caller (<see cref="SafeText.Code"/>).</summary>
    public static string Chatbot(string title, string description, IReadOnlyList<string> nextSteps, IReadOnlyList<string> keywords, string threadId, string summary, string? id = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "1.0");
            writer.WriteString("source", "custom");
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteStartObject("content");
            writer.WriteString("textType", "client-markdown");
            writer.WriteString("title", title);
            writer.WriteString("description", description);
            writer.WriteStartArray("nextSteps");
            foreach (var step in nextSteps)
            {
                writer.WriteStringValue(step);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("keywords");
            foreach (var keyword in keywords)
            {
                writer.WriteStringValue(keyword);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("metadata");
            writer.WriteString("threadId", threadId);
            writer.WriteString("summary", summary);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static Dictionary<string, string> Attributes(string severity, string ruleId, string? api, string? account, string actorClass) => new(StringComparer.Ordinal)
    {
        ["severity"] = severity,
        ["ruleId"] = ruleId,
        ["api"] = AttributeValue(api),
        ["account"] = AttributeValue(account),
        ["actorClass"] = actorClass,
    };

    /// <summary>SNS rejects empty String attributes; filter policies see plain ASCII.</summary>
    private static string AttributeValue(string? value) =>
        string.IsNullOrEmpty(value) ? "unknown" : SafeText.Ascii(value, 128) is { Length: > 0 } ascii ? ascii : "unknown";
}
