using System.Text.Json;
using LambdaGuard.Core.Pipeline;

namespace LambdaGuard.Function.Observability;

/// <summary>Structured JSON log lines: one per record, plus errors and notices about whole inputs. Strings from
/// events are JSON-escaped by the writer, so a hostile value cannot forge another line.</summary>
internal sealed class FunctionLog(TelemetryWriter writer, TimeProvider time)
{
    public void Record(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var level = outcome.Kind == RecordOutcomeKind.Malformed || outcome.RequiresRetry ? "ERROR"
            : outcome.Warnings.Count > 0 ? "WARN"
            : "INFO";
        writer.Write(json =>
        {
            Start(json, level, outcome.Kind == RecordOutcomeKind.Malformed ? "malformed record" : "record processed");
            json.WriteString("where", outcome.Location.ToString());
            RecordOutcomeJson.WriteProperties(json, outcome);
            json.WriteEndObject();
        });
    }

    public void Error(string message, string where, string? detail = null) => Line("ERROR", message, where, detail);

    public void Warn(string message, string where, string? detail = null) => Line("WARN", message, where, detail);

    public void Info(string message, string where, string? detail = null) => Line("INFO", message, where, detail);

    private void Line(string level, string message, string where, string? detail) => writer.Write(json =>
    {
        Start(json, level, message);
        json.WriteString("where", where);
        Optional(json, "detail", detail);
        json.WriteEndObject();
    });

    private void Start(Utf8JsonWriter json, string level, string message)
    {
        json.WriteStartObject();
        json.WriteString("timestamp", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("level", level);
        json.WriteString("logger", "LambdaGuard");
        json.WriteString("message", message);
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
