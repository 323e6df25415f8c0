using LambdaGuard.Core.Alerts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LambdaGuard.Cli.Scanning;

/// <summary>The human view of a scan. Cells are plain <see cref="Text"/>, never markup, so a hostile
/// function name cannot style or fake rows; control characters are shown escaped.</summary>
public sealed class FindingTable
{
    private readonly List<ScannedFinding> _rows = [];

    public void Add(ScannedFinding finding) => _rows.Add(finding);

    public void Render(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }

        if (_rows.Count == 0)
        {
            console.WriteLine("No findings.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "Severity", "Rule", "Event time", "Account / region", "Actor", "API", "Function", "Source", "Suppressed by" })
        {
            table.AddColumn(header);
        }

        foreach (var row in _rows)
        {
            var f = row.Finding;
            table.AddRow(new IRenderable[]
            {
                new Text(f.Severity.ToString(), SeverityStyle(f.Severity)),
                Cell(f.RuleId),
                Cell(f.Record.EventTime),
                Cell($"{f.Record.RecipientAccountId} / {f.Record.AwsRegion}"),
                Cell($"{f.Actor.Class}: {ShortArn(f.Actor.Principal)}"),
                Cell(f.Api),
                Cell(f.Target.FunctionName ?? f.Target.LayerName),
                Cell(f.Location is { } l ? $"{Path.GetFileName(l.Path)}#{l.Index}" : null),
                Cell(row.SuppressedBy?.Id),
            });
        }

        console.Write(table);
    }

    /// <summary>The table shows the resource part of an ARN; jsonl output keeps the whole ARN.</summary>
    private static string? ShortArn(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return arn;
        }

        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? $"{parts[4]}:{parts[5]}" : arn;
    }

    private static Text Cell(string? value) => new(SafeText.Line(value, 120));

    private static Style SeverityStyle(Core.Rules.Severity severity) => severity switch
    {
        Core.Rules.Severity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
        Core.Rules.Severity.High => new Style(Color.Red),
        Core.Rules.Severity.Medium => new Style(Color.Yellow),
        _ => Style.Plain,
    };
}
