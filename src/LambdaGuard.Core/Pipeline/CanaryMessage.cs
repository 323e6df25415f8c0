using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Core.Pipeline;

/// <summary>The daily canary: an alert-shaped message through the real alert topic, tagged with the message
/// attribute <c>canary</c> = <c>true</c> so people's subscriptions filter it out with
/// <c>{"canary":[{"exists":false}]}</c> (docs/deploy.md, "Subscribe").</summary>
public static class CanaryMessage
{
    public const string AttributeName = "canary";
    public const string RuleId = "CANARY";
    public const string SubjectPrefix = "LambdaGuard canary";

    public static AlertMessage Create(string alertId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var when = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var summary = $"Daily end-to-end check of the LambdaGuard detector at {when}: it read the suppression table, claimed this alert id and published through the alert topic. It is not a finding; no action is needed.";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", FindingJson.AlertSchema);
            json.WriteBoolean("canary", true);
            json.WriteString("alertId", alertId);
            json.WriteString("ruleId", RuleId);
            json.WriteString("title", "LambdaGuard canary");
            json.WriteString("severity", "Info");
            json.WriteString("summary", summary);
            json.WriteString("detectedAt", when);
            json.WriteEndObject();
        }

        var alertJson = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var text = $"LambdaGuard canary - this is not a finding.\n\n{summary}\nAlert id: {alertId}\n";
        var chatbot = AlertEnvelope.Chatbot("LambdaGuard canary", SafeText.Code(summary), ["No action needed."], [RuleId, "Info"], RuleId, SafeText.Line(summary, 300));
        var attributes = AlertEnvelope.Attributes("Info", RuleId, "Heartbeat", null, "Canary");
        attributes[AttributeName] = "true";
        return new AlertMessage(alertId, SafeText.Ascii($"{SubjectPrefix} {when}", 99), AlertEnvelope.Compose(text, alertJson, chatbot), attributes);
    }
}
