using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary>The scan formats beyond table and jsonl. Each finding goes through the same
/// <c>lambdaguard.alert/v1</c> document the deployed detector publishes, so a scan and an alert agree.</summary>
public static class FindingFormats
{
    public const string Csv = "csv";
    public const string Ocsf = "ocsf";
    public const string Asff = "asff";
    public const string Markdown = "markdown";

    public static IReadOnlyList<string> Names { get; } = [Csv, Ocsf, Asff, Markdown];

    /// <summary>The formatter for a name in <see cref="Names"/>, or null for any other name (table, jsonl).</summary>
    /// <param name="generatedAt">The scan's time: the alert's detectedAt and ASFF's UpdatedAt.</param>
    public static IFindingFormatter? Create(string name, DateTimeOffset generatedAt, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return name switch
        {
            Csv => new CsvFindingFormatter(generatedAt, settings),
            Ocsf => new OcsfFindingFormatter(generatedAt, settings),
            Asff => new AsffFindingFormatter(generatedAt, settings),
            Markdown => new MarkdownReportFormatter(generatedAt, settings),
            _ => null,
        };
    }

    /// <summary>The alert document for a scanned finding (suppression state is the formatter's concern).</summary>
    public static JsonDocument AlertOf(Finding finding, DateTimeOffset generatedAt, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(settings);
        var command = SuppressionCommand.For(finding);
        var json = FindingJson.Alert(finding, AlertIds.For(finding), generatedAt, SuppressionCheck.Checked, null, settings.MaxParameterBytes, command);
        return JsonDocument.Parse(json);
    }
}
