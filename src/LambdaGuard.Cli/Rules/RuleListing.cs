using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Rules;
using Spectre.Console;

namespace LambdaGuard.Cli.Rules;

/// <summary>Renders <see cref="RuleCatalog.All"/> for people (a table) and for machines (JSON, one object per
/// rule, ordered by id).</summary>
public static class RuleListing
{
    private const string Raises = "Any successful change by the root user is raised to Critical; a change by an untrusted cross-account caller to at least High.";

    public static string Json() => IndentedJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("schema", "lambdaguard.rules/v1");
        writer.WriteStartArray("evaluationOrder");
        foreach (var rule in RuleCatalog.EvaluationOrder)
        {
            writer.WriteStringValue(rule.Definition.Id);
        }

        writer.WriteEndArray();
        writer.WriteString("severityRaises", Raises);
        writer.WriteStartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }) + "\n";

    public static string Table(TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = target == Console.Out && !Console.IsOutputRedirected ? Console.WindowWidth : 200;

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "Id", "Title", "Severity", "Scope", "Covers", "MITRE ATT&CK" })
        {
            table.AddColumn(header);
        }

        foreach (var rule in RuleCatalog.All)
        {
            table.AddRow(
                new Text(rule.Id),
                new Text(rule.Title),
                new Text(string.Join(", ", rule.SeverityRange)),
                new Text(rule.Scope.ToString()),
                new Text(Covers(rule)),
                new Text(string.Join("\n", rule.Mitre.Select(m => $"{m.TechniqueId} {m.TechniqueName} ({m.TacticName})"))));
        }

        console.Write(table);
        console.WriteLine("Evaluation order: " + string.Join(", ", RuleCatalog.EvaluationOrder.Select(r => r.Definition.Id)) + " (the first match is the finding, later matches are listed as also matched).");
        console.WriteLine(Raises);
        return output.ToString();
    }

    private static string Covers(RuleDefinition rule) =>
        rule.ScopeNote is { } note ? $"{RuleScopes.Describe(rule.Scope)}; {note}" : RuleScopes.Describe(rule.Scope);

    private static void WriteRule(Utf8JsonWriter writer, RuleDefinition rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("title", rule.Title);
        writer.WriteString("severity", rule.BaseSeverity.ToString());
        writer.WriteStartArray("severities");
        foreach (var severity in rule.SeverityRange)
        {
            writer.WriteStringValue(severity.ToString());
        }

        writer.WriteEndArray();
        writer.WriteString("scope", rule.Scope.ToString());
        writer.WriteString("covers", Covers(rule));
        writer.WriteBoolean("suppressible", rule.Suppressible);
        FindingJson.WriteMitre(writer, rule);
        writer.WriteString("description", rule.Description);
        writer.WriteStartArray("seeds");
        foreach (var seed in rule.Seeds)
        {
            writer.WriteStringValue(seed);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
