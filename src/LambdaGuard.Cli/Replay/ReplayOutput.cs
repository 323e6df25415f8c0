using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Pipeline;

namespace LambdaGuard.Cli.Replay;

/// <summary>One line per record: readable columns, or one JSON object per line for scripts
/// (<c>lambdaguard.replay/v1</c>).</summary>
public static class ReplayOutput
{
    public const string Schema = "lambdaguard.replay/v1";

    public static string TableLine(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{RecordOutcomeJson.Name(outcome.Kind),-14}  {outcome.Location}");
        if (outcome.RuleId is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"  {outcome.RuleId} {outcome.Severity}");
        }

        if (outcome.FunctionName is not null)
        {
            line.Append("  function=").Append(Clean(outcome.FunctionName));
        }

        switch (outcome.Kind)
        {
            case RecordOutcomeKind.Published:
                line.Append("  MessageId ").Append(outcome.MessageId);
                if (outcome.SuppressionCheck == Core.Alerts.SuppressionCheck.Unavailable)
                {
                    line.Append(" (suppression check unavailable)");
                }

                if (outcome.ClaimsUnavailable)
                {
                    line.Append(" (delivered without claim: at-least-once, dedupe on alertId)");
                }

                break;
            case RecordOutcomeKind.Suppressed:
                line.Append("  by ").Append(Clean(outcome.SuppressionId));
                break;
            case RecordOutcomeKind.Duplicate:
                line.Append("  already published as MessageId ").Append(outcome.MessageId ?? "(unknown)");
                break;
            case RecordOutcomeKind.NoFinding:
                line.Append("  decision=").Append(outcome.Decision).Append(" api=").Append(Clean(outcome.Api));
                if (outcome.ActorClass is { } actor)
                {
                    line.Append(" actor=").Append(actor);
                }

                break;
            default:
                line.Append("  ").Append(Clean(outcome.Error));
                break;
        }

        return line.ToString();
    }

    public static string JsonLine(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("source");
            json.WriteString("path", outcome.Location.Path);
            json.WriteNumber("index", outcome.Location.Index);
            json.WriteEndObject();
            RecordOutcomeJson.WriteProperties(json, outcome);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A message handled outside the pipeline: <c>republished</c> (a tamper event, with its MessageId),
    /// <c>not-redriven</c> (with why) or <c>skipped</c>.</summary>
    public static string MessageLine(string outcome, string where, string? messageId, string? detail, bool jsonl)
    {
        if (!jsonl)
        {
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{outcome,-14}  {Clean(where)}");
            if (messageId is not null)
            {
                line.Append("  MessageId ").Append(messageId);
            }

            if (detail is not null)
            {
                line.Append("  ").Append(SafeTextLong(detail));
            }

            return line.ToString();
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("source");
            json.WriteString("path", where);
            json.WriteNumber("index", 0);
            json.WriteEndObject();
            json.WriteString("outcome", outcome);
            if (messageId is not null)
            {
                json.WriteString("messageId", messageId);
            }

            if (detail is not null)
            {
                json.WriteString(outcome == "not-redriven" ? "error" : "detail", detail);
            }

            json.WriteStartArray("warnings");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string SafeTextLong(string value) => Core.Alerts.SafeText.Line(value, 600);

    // Values from events go to a terminal: keep them on one line and free of control characters.
    private static string Clean(string? value) => Core.Alerts.SafeText.Line(value, 200);
}
