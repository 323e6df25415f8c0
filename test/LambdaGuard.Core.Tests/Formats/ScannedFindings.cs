using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Formats;

/// <summary>Every finding the rule and alert fixtures produce: each rule, root, cross-account, hostile values.</summary>
internal static class ScannedFindings
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static List<Finding> All()
    {
        var detector = new Detector(new DetectorSettings());
        var files = Directory.GetFiles(Fixtures.PathOf("Rules"), "*.json").Append(Fixtures.PathOf("Alerts", "alert-cases.json")).Append(Fixtures.PathOf("Reading", "control-characters.json"));
        var findings = files
            .SelectMany(file => Fixtures.ReadAll(File.ReadAllBytes(file), file))
            .Where(item => item.Record is not null)
            .Select(item => detector.Detect(item.Record!, item.Location).Finding)
            .OfType<Finding>()
            .ToList();
        Assert.True(findings.Select(f => f.RuleId).Distinct().Count() >= 10, "fixtures should cover every rule");
        return findings;
    }

    public static string Render(Core.Formats.IFindingFormatter formatter, IEnumerable<(Finding Finding, string? SuppressionId)> findings)
    {
        using var output = new StringWriter { NewLine = "\n" };
        formatter.Begin(output);
        foreach (var (finding, suppressionId) in findings)
        {
            formatter.Write(output, finding, suppressionId);
        }

        formatter.End(output);
        return output.ToString();
    }
}
