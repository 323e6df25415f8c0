using System.Globalization;
using System.Text;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary><c>--format markdown</c>: an incident report (CommonMark with GitHub tables). The window and the
/// counts by rule, severity, actor, account and function come first, then every finding with its reasons and
/// links. Values from events sit in code spans, where markdown renders nothing.</summary>
public sealed class MarkdownReportFormatter(DateTimeOffset generatedAt, DetectorSettings settings) : IFindingFormatter
{
    private readonly List<Entry> entries = [];

    public void Begin(TextWriter output)
    {
    }

    public void Write(TextWriter output, Finding finding, string? suppressionId)
    {
        ArgumentNullException.ThrowIfNull(finding);
        using var document = FindingFormats.AlertOf(finding, generatedAt, settings);
        var alert = document.RootElement;
        entries.Add(new Entry(
            finding.Severity,
            AlertFields.Text(alert, "ruleId") ?? "?",
            AlertFields.Text(alert, "title") ?? string.Empty,
            AlertFields.Text(alert, "summary") ?? string.Empty,
            AlertFields.Time(AlertFields.Text(alert, "eventTime")),
            AlertFields.Text(alert, "eventTime"),
            AlertFields.Text(alert, "account"),
            AlertFields.Text(alert, "region"),
            AlertFields.Text(alert, "functionName") ?? AlertFields.Text(alert, "target", "layerName"),
            AlertFields.Text(alert, "api"),
            AlertFields.Text(alert, "actor", "class"),
            AlertFields.Text(alert, "actor", "principal"),
            AlertFields.Texts(alert, "reasons"),
            AlertFields.Text(alert, "links", "cloudTrailEvent"),
            AlertFields.Text(alert, "links", "functionConsole"),
            AlertFields.Text(alert, "links", "functionUrl"),
            AlertFields.Text(alert, "codeSha256"),
            AlertFields.Text(alert, "suppressionCommand"),
            AlertFields.Text(alert, "alertId") ?? string.Empty,
            suppressionId));
    }

    public void End(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        var active = entries.Where(e => e.SuppressionId is null).ToList();
        var times = entries.Where(e => e.Time is not null).Select(e => e.Time!.Value).ToList();
        text.Append("# LambdaGuard incident report\n\n");
        text.Append("- Generated: ").Append(AlertFields.Iso(generatedAt)).Append('\n');
        text.Append("- Window: ").Append(times.Count == 0 ? "no timed findings" : $"{AlertFields.Iso(times.Min())} to {AlertFields.Iso(times.Max())}").Append('\n');
        text.Append("- Findings: ").Append(active.Count.ToString(CultureInfo.InvariantCulture));
        if (entries.Count > active.Count)
        {
            text.Append(" (plus ").Append((entries.Count - active.Count).ToString(CultureInfo.InvariantCulture)).Append(" suppressed, listed separately)");
        }

        text.Append("\n\n");
        Counts(text, "Severity", active, e => e.Severity.ToString(), code: false, order: g => -(int)Enum.Parse<Rules.Severity>(g));
        Counts(text, "Rule", active, e => $"{e.RuleId} {e.Title}", code: false, order: null);
        Counts(text, "Actor", active, e => e.Principal ?? "-", code: true, order: null);
        Counts(text, "Account", active, e => e.Account ?? "-", code: true, order: null);
        Counts(text, "Function", active, e => e.Function ?? "-", code: true, order: null);

        text.Append("## Findings\n\n");
        if (active.Count == 0)
        {
            text.Append("None.\n\n");
        }

        var number = 1;
        foreach (var entry in active.OrderByDescending(e => e.Severity).ThenBy(e => e.Time))
        {
            Finding(text, number++, entry);
        }

        var suppressed = entries.Where(e => e.SuppressionId is not null).ToList();
        if (suppressed.Count > 0)
        {
            text.Append("## Suppressed findings\n\n");
            foreach (var entry in suppressed.OrderByDescending(e => e.Severity).ThenBy(e => e.Time))
            {
                Finding(text, number++, entry);
            }
        }

        output.Write(text.ToString());
    }

    /// <summary>A CommonMark code span: backticks inside are replaced, control characters shown, and a pipe
    /// escaped so a GitHub table cell is not split.</summary>
    public static string Code(string? value, bool inTable = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var line = SafeText.Line(value).Replace('`', '\u02CB');
        return "`" + (inTable ? line.Replace("|", "\\|", StringComparison.Ordinal) : line) + "`";
    }

    private static void Counts(StringBuilder text, string title, List<Entry> entries, Func<Entry, string> key, bool code, Func<string, int>? order)
    {
        text.Append("### By ").Append(title.ToLowerInvariant()).Append("\n\n| ").Append(title).Append(" | Findings |\n|---|---:|\n");
        var groups = entries.GroupBy(key, StringComparer.Ordinal);
        var ordered = order is null
            ? groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            : groups.OrderBy(g => order(g.Key));
        foreach (var group in ordered)
        {
            text.Append("| ").Append(code ? Code(group.Key, inTable: true) : group.Key.Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | ").Append(group.Count().ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        text.Append('\n');
    }

    private static void Finding(StringBuilder text, int number, Entry entry)
    {
        text.Append("### ").Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(entry.Severity).Append(' ')
            .Append(entry.RuleId).Append(' ').Append(entry.Title).Append(" \u2014 ").Append(Code(entry.Function)).Append("\n\n");
        if (entry.SuppressionId is not null)
        {
            text.Append("- Suppressed by: ").Append(Code(entry.SuppressionId)).Append('\n');
        }

        text.Append("- Time: ").Append(Code(entry.EventTime)).Append('\n');
        text.Append("- Account / region: ").Append(Code(entry.Account)).Append(" / ").Append(Code(entry.Region)).Append('\n');
        text.Append("- Actor: ").Append(entry.ActorClass ?? "-").Append(' ').Append(Code(entry.Principal)).Append('\n');
        text.Append("- Call: ").Append(Code(entry.Api)).Append('\n');
        text.Append("- Summary: ").Append(Code(entry.Summary)).Append('\n');
        text.Append("- Reasons:\n");
        foreach (var reason in entry.Reasons)
        {
            text.Append("  - ").Append(Code(reason)).Append('\n');
        }

        if (entry.CodeSha256 is not null)
        {
            text.Append("- Code SHA-256: ").Append(Code(entry.CodeSha256)).Append('\n');
        }

        text.Append("- Links: ");
        var links = new List<string>();
        if (entry.CloudTrail is not null)
        {
            links.Add($"[CloudTrail event](<{entry.CloudTrail}>)");
        }

        if (entry.Console is not null)
        {
            links.Add($"[function console](<{entry.Console}>)");
        }

        if (entry.FunctionUrl is not null)
        {
            links.Add($"public URL {Code(entry.FunctionUrl)}");
        }

        text.Append(links.Count == 0 ? "-" : string.Join(", ", links)).Append('\n');
        if (entry.Command is not null && entry.SuppressionId is null)
        {
            text.Append("- If expected: ").Append(Code(entry.Command)).Append('\n');
        }

        text.Append("- Alert id: ").Append(Code(entry.AlertId)).Append("\n\n");
    }

    private sealed record Entry(
        Rules.Severity Severity,
        string RuleId,
        string Title,
        string Summary,
        DateTimeOffset? Time,
        string? EventTime,
        string? Account,
        string? Region,
        string? Function,
        string? Api,
        string? ActorClass,
        string? Principal,
        IReadOnlyList<string> Reasons,
        string? CloudTrail,
        string? Console,
        string? FunctionUrl,
        string? CodeSha256,
        string? Command,
        string AlertId,
        string? SuppressionId);
}
