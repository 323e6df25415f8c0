using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Coverage;

/// <summary>
/// The alert for an account and region that stopped sending heartbeats: LambdaGuard is blind there. Same
/// schema and envelope as rule alerts (ruleId <see cref="RuleId"/>), one alert per silence: the alert id hashes
/// the spoke and the last signal time.
/// </summary>
public static class QuietSpokeAlertBuilder
{
    public const string RuleId = "COVERAGE";
    public const string Title = "LambdaGuard stopped hearing from an account and region";
    public const string Severity = "High";

    public static AlertMessage Build(SpokeSignal signal, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var account = SafeText.Ascii(signal.Account, 64);
        var region = SafeText.Ascii(signal.Region, 64);
        var last = IsoTime.Format(signal.LastSignalAt);
        var silentHours = signal.SilenceAt(now).TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        var windowHours = window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        var alertId = AlertIds.For(last, account, region, RuleId);
        var summary =
            $"No heartbeat from account {account} in {region} for {silentHours} h (window {windowHours} h; last signal {last}). " +
            "Lambda changes there are not reaching LambdaGuard until forwarding is restored.";
        string[] steps =
        [
            $"Check the LambdaGuard-Forward and LambdaGuard-ForwardGuard rules and the LambdaGuard-SpokeHeartbeat schedule in {account} / {region} exist and are enabled.",
            "Check the LambdaGuard-Members StackSet instance for that account and region (drift, failed or deleted instance).",
            "Check whether the account left the organization or its OU, or the region was disabled by an SCP.",
            $"Review CloudTrail in {account} / {region} since {last} for Lambda changes made while LambdaGuard was blind (lambdaguard scan).",
        ];

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", FindingJson.AlertSchema);
            writer.WriteString("alertId", alertId);
            writer.WriteString("ruleId", RuleId);
            writer.WriteString("title", Title);
            writer.WriteString("severity", Severity);
            writer.WriteString("summary", summary);
            writer.WriteNull("eventId");
            writer.WriteString("api", "Heartbeat");
            writer.WriteString("eventTime", last);
            writer.WriteString("account", account);
            writer.WriteString("region", region);
            writer.WriteNull("functionName");
            writer.WriteStartObject("coverage");
            writer.WriteString("lastSignalAt", last);
            writer.WriteNumber("silentMinutes", (long)signal.SilenceAt(now).TotalMinutes);
            writer.WriteNumber("windowMinutes", (long)window.TotalMinutes);
            writer.WriteEndObject();
            writer.WriteStartArray("runbook");
            foreach (var step in steps)
            {
                writer.WriteStringValue(step);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("suppressed", false);
            writer.WriteString("detectedAt", IsoTime.Format(now));
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var text = new StringBuilder()
            .Append("LambdaGuard alert: ").Append(Severity).Append(' ').Append(RuleId).Append(" - ").AppendLine(Title)
            .AppendLine()
            .AppendLine(summary)
            .AppendLine()
            .AppendLine("Next steps:");
        foreach (var step in steps)
        {
            text.Append("- ").AppendLine(step);
        }

        var chatbot = AlertEnvelope.Chatbot(
            $"{Severity} {RuleId}: {Title}",
            summary,
            steps,
            [RuleId, account, region],
            alertId,
            $"{account} {region} quiet since {last}");
        var subject = SafeText.Ascii($"LambdaGuard {Severity} {RuleId}: no heartbeat from {account} {region}", 99);
        return new AlertMessage(
            alertId,
            subject,
            AlertEnvelope.Compose(text.ToString(), json, chatbot),
            AlertEnvelope.Attributes(Severity, RuleId, "Heartbeat", account, "None"));
    }
}
