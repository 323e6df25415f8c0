using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Alerts;

/// <summary>The LG011 alert: same schema and envelope as rule alerts, with the entry before and after.</summary>
public static class AuditAlertBuilder
{
    public static AlertMessage Build(SuppressionAudit audit, DateTimeOffset detectedAt)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var rule = SuppressionAuditor.Rule;
        var change = audit.Change;
        var api = change.Kind switch
        {
            SuppressionChangeKind.Added => "AddSuppression",
            SuppressionChangeKind.Changed => "UpdateSuppression",
            _ => "RemoveSuppression",
        };
        var alertId = AlertIds.For(change.EventId, change.Account, change.Region, rule.Id);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", FindingJson.AlertSchema);
            writer.WriteString("alertId", alertId);
            writer.WriteString("ruleId", rule.Id);
            writer.WriteString("title", rule.Title);
            writer.WriteString("severity", audit.Severity.ToString());
            writer.WriteString("summary", audit.Summary);
            writer.WriteString("eventId", change.EventId);
            writer.WriteString("api", api);
            FindingJson.WriteOptional(writer, "eventTime", change.ChangedAt is { } at ? IsoTime.Format(at) : null);
            FindingJson.WriteOptional(writer, "account", change.Account);
            FindingJson.WriteOptional(writer, "region", change.Region);
            writer.WriteNull("functionName");
            writer.WriteStartObject("actor");
            writer.WriteString("class", "Unknown");
            writer.WriteString("type", "SelfReported");
            FindingJson.WriteOptional(writer, "principal", audit.Entry.CreatedBy);
            writer.WriteNull("arn");
            writer.WriteBoolean("crossAccount", false);
            writer.WriteString("note", "createdBy is written by the admin tool and cannot prove who wrote the item; see CloudTrail data events on the table");
            writer.WriteEndObject();
            writer.WriteStartObject("suppressionChange");
            writer.WriteString("kind", change.Kind.ToString());
            writer.WriteString("id", FindingJson.Bound(audit.Entry.Id));
            writer.WriteBoolean("broad", audit.Broad);
            writer.WriteStartArray("changedFields");
            foreach (var field in audit.ChangedFields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
            WriteEntry(writer, "before", change.Before);
            WriteEntry(writer, "after", change.After);
            writer.WriteEndObject();
            writer.WriteStartArray("reasons");
            foreach (var reason in audit.Reasons)
            {
                writer.WriteStringValue(FindingJson.Bound(reason));
            }

            writer.WriteEndArray();
            writer.WriteBoolean("suppressed", false);
            writer.WriteString("suppressionCheck", FindingJson.CheckName(SuppressionCheck.NotApplicable));
            FindingJson.WriteRuleDetails(writer, rule);
            writer.WriteStartObject("links");
            writer.WriteEndObject();
            writer.WriteString("detectedAt", IsoTime.Format(detectedAt));
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var text = new StringBuilder()
            .Append("LambdaGuard alert: ").Append(audit.Severity).Append(' ').Append(rule.Id).Append(" - ").AppendLine(rule.Title)
            .AppendLine()
            .Append("Summary:  ").AppendLine(SafeText.Line(audit.Summary))
            .Append("Change:   ").Append(change.Kind).Append(" entry ").AppendLine(SafeText.Line(audit.Entry.Id))
            .Append("Before:   ").AppendLine(Describe(change.Before))
            .Append("After:    ").AppendLine(Describe(change.After))
            .Append("Account:  ").Append(SafeText.Line(change.Account)).Append("  Region: ").AppendLine(SafeText.Line(change.Region))
            .AppendLine("Why:");
        foreach (var reason in audit.Reasons)
        {
            text.Append("  - ").AppendLine(SafeText.Line(reason));
        }

        text.AppendLine("Note: createdBy is self-reported by the writer; CloudTrail data events on the table prove who wrote it.");
        text.Append("Alert id: ").AppendLine(alertId);

        var chatbot = AlertEnvelope.Chatbot(
            $"{audit.Severity} {rule.Id}: {rule.Title}",
            $"*Change:* {change.Kind} entry {SafeText.Code(audit.Entry.Id)}\n*Account:* {SafeText.Code(change.Account)} *Region:* {SafeText.Code(change.Region)}\n*Why:*"
                + string.Concat(audit.Reasons.Select(r => "\n\u2022 " + SafeText.Code(r, 300))),
            rule.Runbook,
            [rule.Id, audit.Severity.ToString()],
            AlertBuilder.ThreadId(change.Account, "suppressions"),
            $"{audit.Severity} {rule.Id}: {rule.Title}",
            alertId);
        var subject = AlertBuilder.Subject($"LambdaGuard {audit.Severity} {rule.Id}: suppression {change.Kind.ToString().ToLowerInvariant()}", audit.Entry.Id);
        var attributes = AlertEnvelope.Attributes(audit.Severity.ToString(), rule.Id, api, change.Account, "Unknown");
        return new AlertMessage(alertId, subject, AlertEnvelope.Compose(text.ToString(), json, chatbot), attributes);
    }

    private static string Describe(SuppressionEntry? entry) => entry is null
        ? "-"
        : SafeText.Line(string.Join(' ', SuppressionSelectors.All.Select(s => $"{s.Name}={s.Get(entry) ?? "-"}")) + $" expiresAt={(entry.ExpiresAt is { } e ? IsoTime.Format(e) : "-")} reason={entry.Reason} createdBy={entry.CreatedBy ?? "-"}", 2048);

    private static void WriteEntry(Utf8JsonWriter writer, string name, SuppressionEntry? entry)
    {
        if (entry is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        FindingJson.WriteOptional(writer, "id", entry.Id);
        FindingJson.WriteOptional(writer, "reason", entry.Reason);
        FindingJson.WriteOptional(writer, "expiresAt", entry.ExpiresAt is { } e ? IsoTime.Format(e) : null);
        foreach (var selector in SuppressionSelectors.All)
        {
            FindingJson.WriteOptional(writer, selector.Name, selector.Get(entry));
        }

        FindingJson.WriteOptional(writer, "createdBy", entry.CreatedBy);
        FindingJson.WriteOptional(writer, "createdAt", entry.CreatedAt is { } c ? IsoTime.Format(c) : null);
        writer.WriteEndObject();
    }
}
