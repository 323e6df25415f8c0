using System.Globalization;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Time;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LambdaGuard.Cli.Scanning;

/// <summary>The human view of a scan. The default table fits 100 columns (severity, rule and title, short
/// actor, function, time); <c>--wide</c> shows everything. Cells are plain <see cref="Text"/>, never markup,
/// so a hostile function name cannot style or fake rows; control characters are shown escaped.</summary>
public sealed class FindingTable(bool wide = false)
{
    public const int CompactWidth = 100;
    private const int WideWidth = 2000;
    private readonly List<ScannedFinding> _rows = [];

    public void Add(ScannedFinding finding) => _rows.Add(finding);

    public void Render(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var toTerminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = toTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = wide ? WideWidth : CompactWidth;
        if (_rows.Count == 0)
        {
            console.WriteLine("No findings.");
            return;
        }

        console.Write(wide ? WideTable() : CompactTable());
    }

    private Table CompactTable()
    {
        // Rounded borders take 1 + 3 per column; the widths below add up to 100 with them.
        var anySuppressed = _rows.Any(row => row.SuppressedBy is not null);
        var ruleWidth = anySuppressed ? 20 : 35;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Severity").Width(8));
        table.AddColumn(new TableColumn("Rule").Width(ruleWidth));
        table.AddColumn(new TableColumn("Actor").Width(16));
        table.AddColumn(new TableColumn("Function").Width(14));
        table.AddColumn(new TableColumn("Time (UTC)").Width(11));
        if (anySuppressed)
        {
            table.AddColumn(new TableColumn("Suppressed").Width(12));
        }

        foreach (var row in _rows)
        {
            var f = row.Finding;
            var cells = new List<IRenderable>
            {
                new Text(f.Severity.ToString(), SeverityStyle(f.Severity)),
                Fit($"{f.RuleId} {f.Rule.Title}", ruleWidth),
                Fit(ActorNames.Short(f.Actor.Principal), 16),
                Fit(f.Target.FunctionName ?? f.Target.LayerName, 14),
                Fit(ShortTime(f.Record.EventTime), 11),
            };
            if (anySuppressed)
            {
                cells.Add(Fit(row.SuppressedBy?.Id, 12));
            }

            table.AddRow(cells);
        }

        return table;
    }

    private Table WideTable()
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "Severity", "Rule", "Title", "Event time", "Account / region", "Actor", "API", "Function", "Source", "Suppressed by" })
        {
            table.AddColumn(new TableColumn(header).NoWrap());
        }

        foreach (var row in _rows)
        {
            var f = row.Finding;
            table.AddRow(new IRenderable[]
            {
                new Text(f.Severity.ToString(), SeverityStyle(f.Severity)),
                Cell(f.RuleId),
                Cell(f.Rule.Title),
                Cell(f.Record.EventTime),
                Cell($"{f.Record.RecipientAccountId} / {f.Record.AwsRegion}"),
                Cell($"{f.Actor.Class}: {ActorNames.AccountAndResource(f.Actor.Principal)}"),
                Cell(f.Api),
                Cell(f.Target.FunctionName ?? f.Target.LayerName),
                Cell(f.Location is { } l ? $"{l.Path}#{l.Index}" : null),
                Cell(row.SuppressedBy?.Id),
            });
        }

        return table;
    }

    /// <summary>Cut to the column with a visible ellipsis, so a row stays one line.</summary>
    private static Text Fit(string? value, int width)
    {
        var text = SafeText.Line(value, 256);
        return new Text(text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…"));
    }

    private static Text Cell(string? value) => new(SafeText.Line(value, 160));

    private static string? ShortTime(string? eventTime) =>
        IsoTime.TryParseEventTime(eventTime, out var time)
            ? time.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)
            : eventTime;

    private static Style SeverityStyle(Core.Rules.Severity severity) => severity switch
    {
        Core.Rules.Severity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
        Core.Rules.Severity.High => new Style(Color.Red),
        Core.Rules.Severity.Medium => new Style(Color.Yellow),
        _ => Style.Plain,
    };
}
