using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.TestAlert;

/// <summary>The message of <c>lambdaguard test-alert</c>: the alert envelope and attributes of a real alert,
/// labelled as a test everywhere a person or a filter looks (subject, text, JSON, chat card, ruleId TEST).</summary>
public static class TestAlertMessage
{
    public const string SubjectPrefix = "LambdaGuard TEST alert";
    public const string RuleId = "TEST";

    public static AlertMessage Create(string topicArn, DateTimeOffset now, string alertId)
    {
        ArgumentNullException.ThrowIfNull(topicArn);
        var account = topicArn.Split(':') is { Length: 6 } parts ? parts[4] : null;
        var when = IsoTime.Format(now);
        var summary = $"Test alert sent by 'lambdaguard test-alert' at {when} to check the subscriptions of {topicArn}. It is not a finding; no action is needed.";

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", FindingJson.AlertSchema);
            json.WriteBoolean("test", true);
            json.WriteString("alertId", alertId);
            json.WriteString("ruleId", RuleId);
            json.WriteString("title", "LambdaGuard test alert");
            json.WriteString("severity", "Info");
            json.WriteString("summary", summary);
            json.WriteString("api", "TestAlert");
            if (account is not null)
            {
                json.WriteString("account", account);
            }

            json.WriteString("detectedAt", when);
            json.WriteEndObject();
        }

        var alertJson = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var text = new StringBuilder()
            .AppendLine("LambdaGuard TEST alert - this is not a finding.")
            .AppendLine()
            .AppendLine(summary)
            .AppendLine("If you read this, this subscription receives LambdaGuard alerts.")
            .Append("Alert id: ").AppendLine(alertId)
            .ToString();
        var chatbot = AlertEnvelope.Chatbot(
            "LambdaGuard TEST alert",
            SafeText.Code(summary),
            ["No action needed: this checks that the subscription receives LambdaGuard alerts."],
            [RuleId, "Info"],
            RuleId,
            SafeText.Line(summary, 300));
        var subject = SafeText.Ascii($"{SubjectPrefix}: subscription check {when}", 99);
        return new AlertMessage(alertId, subject, AlertEnvelope.Compose(text, alertJson, chatbot), AlertEnvelope.Attributes("Info", RuleId, "TestAlert", account, "Test"));
    }
}
