using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary><c>--format csv</c>: RFC 4180, one finding per line (control characters are shown as \uXXXX so
/// a record never spans lines), and values a spreadsheet would run as a formula (<c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>) prefixed with an apostrophe: function names are chosen by whoever made the change.</summary>
public sealed class CsvFindingFormatter(DateTimeOffset generatedAt, DetectorSettings settings) : IFindingFormatter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "alertId", "eventTime", "severity", "ruleId", "title", "account", "region", "api", "eventName", "functionName",
        "actorClass", "actorType", "actorPrincipal", "crossAccount", "sourceIpAddress", "summary", "reasons", "eventId",
        "suppressed", "suppressionId", "cloudTrailEvent", "functionConsole", "functionUrl", "codeSha256", "sourcePath", "sourceIndex",
    ];

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(',', Columns));
        output.Write("\r\n");
    }

    public void Write(TextWriter output, Finding finding, string? suppressionId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(finding);
        using var document = FindingFormats.AlertOf(finding, generatedAt, settings);
        var alert = document.RootElement;
        string?[] values =
        [
            AlertFields.Text(alert, "alertId"),
            AlertFields.Text(alert, "eventTime"),
            AlertFields.Text(alert, "severity"),
            AlertFields.Text(alert, "ruleId"),
            AlertFields.Text(alert, "title"),
            AlertFields.Text(alert, "account"),
            AlertFields.Text(alert, "region"),
            AlertFields.Text(alert, "api"),
            AlertFields.Text(alert, "eventName"),
            AlertFields.Text(alert, "functionName"),
            AlertFields.Text(alert, "actor", "class"),
            AlertFields.Text(alert, "actor", "type"),
            AlertFields.Text(alert, "actor", "principal"),
            AlertFields.Flag(alert, "actor", "crossAccount") ? "true" : "false",
            AlertFields.Text(alert, "event", "sourceIpAddress"),
            AlertFields.Text(alert, "summary"),
            string.Join(" | ", AlertFields.Texts(alert, "reasons")),
            AlertFields.Text(alert, "eventId"),
            suppressionId is null ? "false" : "true",
            suppressionId,
            AlertFields.Text(alert, "links", "cloudTrailEvent"),
            AlertFields.Text(alert, "links", "functionConsole"),
            AlertFields.Text(alert, "links", "functionUrl"),
            AlertFields.Text(alert, "codeSha256"),
            AlertFields.Text(alert, "source", "path"),
            alert.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object && source.TryGetProperty("index", out var index) ? index.GetRawText() : null,
        ];
        output.Write(string.Join(',', values.Select(Field)));
        output.Write("\r\n");
    }

    public void End(TextWriter output)
    {
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var line = SafeText.Line(value);
        if (line[0] is '=' or '+' or '-' or '@')
        {
            line = "'" + line;
        }

        return line.Contains(',', StringComparison.Ordinal) || line.Contains('"', StringComparison.Ordinal)
            ? new StringBuilder(line.Length + 2).Append('"').Append(line.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString()
            : line;
    }
}
