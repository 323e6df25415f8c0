using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Cli.Scanning;

/// <summary>After the table: how many reported (unsuppressed) findings each rule, actor and function has,
/// most first, so the pattern of a long table is visible at a glance.</summary>
public sealed class FindingBreakdown
{
    private const int Shown = 10;
    private readonly Dictionary<string, long> byRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byActor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byFunction = new(StringComparer.Ordinal);

    public void Add(ScannedFinding scanned)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        if (scanned.SuppressedBy is not null)
        {
            return;
        }

        var finding = scanned.Finding;
        Count(byRule, $"{finding.RuleId} {finding.Rule.Title}");
        Count(byActor, ActorNames.Short(finding.Actor.Principal) ?? "(unknown)");
        Count(byFunction, finding.Target.FunctionName ?? finding.Target.LayerName ?? "(none)");
    }

    public void Render(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (byRule.Count == 0)
        {
            return;
        }

        Write(output, "By rule", byRule);
        Write(output, "By actor", byActor);
        Write(output, "By function", byFunction);
    }

    private static void Count(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Write(TextWriter output, string heading, Dictionary<string, long> counts)
    {
        output.WriteLine($"{heading}:");
        var ordered = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, count) in ordered.Take(Shown))
        {
            output.WriteLine($"  {count,6}  {SafeText.Line(name, 80)}");
        }

        if (ordered.Count > Shown)
        {
            output.WriteLine($"  … and {ordered.Count - Shown} more");
        }
    }
}
