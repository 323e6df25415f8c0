using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Formats;

public sealed class MarkdownReportTests
{
    [Fact]
    public void End_WhenFunctionNameHoldsPipesBackticksAndLineBreaks_ShouldKeepTablesAndCodeSpansIntact()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");
        finding = finding with { Target = finding.Target with { FunctionName = "a|b`c\n# Fake heading" } };
        var formatter = new MarkdownReportFormatter(ScannedFindings.GeneratedAt, new DetectorSettings());

        // Act
        var report = ScannedFindings.Render(formatter, [(finding, null)]);

        // Assert
        var functionRow = Assert.Single(report.Split('\n'), l => l.StartsWith("| `a\\|", StringComparison.Ordinal));
        Assert.Equal("| `a\\|b\u02CBc\\u000a# Fake heading` | 1 |", functionRow);
        Assert.DoesNotContain(report.Split('\n'), l => l.StartsWith("# Fake", StringComparison.Ordinal));
    }

    [Fact]
    public void End_WhenNothingIsFound_ShouldStillSayWhatWasLookedAt()
    {
        // Act
        var report = ScannedFindings.Render(new MarkdownReportFormatter(ScannedFindings.GeneratedAt, new DetectorSettings()), []);

        // Assert
        Assert.Contains("- Window: no timed findings", report, StringComparison.Ordinal);
        Assert.Contains("- Findings: 0", report, StringComparison.Ordinal);
        Assert.Contains("## Findings\n\nNone.", report, StringComparison.Ordinal);
    }
}
