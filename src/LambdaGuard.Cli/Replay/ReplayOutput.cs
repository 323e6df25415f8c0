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

    // Values from events go to a terminal: keep them on one line and free of control characters.
    private static string Clean(string? value) => Core.Alerts.SafeText.Line(value, 200);
}
