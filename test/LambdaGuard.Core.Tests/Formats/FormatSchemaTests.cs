using System.Text.Json;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Formats;

/// <summary>Every new scan format validates against its vendored schema subset (Fixtures/Schemas), for every
/// finding the fixtures produce, suppressed ones included.</summary>
public sealed class FormatSchemaTests
{
    private static readonly DetectorSettings Settings = new();

    private static List<(Finding, string?)> Findings() =>
        ScannedFindings.All().Select((f, i) => (f, i % 5 == 0 ? "entry-" + i : null)).ToList();

    [Fact]
    public void Ocsf_WhenFindingsAreScanned_ShouldWriteOneValidDetectionFindingPerLine()
    {
        // Arrange
        var schema = SchemaSubset.Load("ocsf-1.1.0-detection-finding.subset.json");
        var findings = Findings();

        // Act
        var output = ScannedFindings.Render(FindingFormats.Create("ocsf", ScannedFindings.GeneratedAt, Settings)!, findings);

        // Assert
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(findings.Count, lines.Length);
        foreach (var line in lines)
        {
            var document = JsonDocument.Parse(line).RootElement;
            Assert.Empty(schema.Problems(document));
            Assert.Equal(2004, document.GetProperty("class_uid").GetInt32());
            Assert.Equal("1.1.0", document.GetProperty("metadata").GetProperty("version").GetString());
        }

        Assert.Contains(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("status_id").GetInt32() == 3);
    }

    [Fact]
    public void Asff_WhenFindingsAreScanned_ShouldWriteOneImportDocumentOfValidFindings()
    {
        // Arrange
        var schema = SchemaSubset.Load("asff-2018-10-08.subset.json");
        var findings = Findings();

        // Act
        var output = ScannedFindings.Render(FindingFormats.Create("asff", ScannedFindings.GeneratedAt, Settings)!, findings);

        // Assert
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["Findings"], root.EnumerateObject().Select(p => p.Name));
        var written = root.GetProperty("Findings").EnumerateArray().ToList();
        Assert.Equal(findings.Count, written.Count);
        Assert.All(written, finding => Assert.Empty(schema.Problems(finding)));
        Assert.Contains(written, f => f.TryGetProperty("Workflow", out var w) && w.GetProperty("Status").GetString() == "SUPPRESSED");
    }

    [Fact]
    public void Asff_WhenNothingIsFound_ShouldStillWriteAnImportDocument()
    {
        // Act
        var output = ScannedFindings.Render(FindingFormats.Create("asff", ScannedFindings.GeneratedAt, Settings)!, []);

        // Assert
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("Findings").GetArrayLength());
    }

    [Fact]
    public void Csv_WhenFindingsAreScanned_ShouldWriteTheDocumentedColumnsWithValidValues()
    {
        // Arrange
        var schema = JsonDocument.Parse(Fixtures.Text("Schemas", "lambdaguard-csv.schema.json")).RootElement.GetProperty("columns");
        var findings = Findings();

        // Act
        var output = ScannedFindings.Render(FindingFormats.Create("csv", ScannedFindings.GeneratedAt, Settings)!, findings);

        // Assert
        var rows = Csv.Parse(output);
        Assert.Equal(schema.EnumerateObject().Select(c => c.Name), rows[0]);
        Assert.Equal(findings.Count, rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(rows[0].Count, row.Count);
            foreach (var (column, index) in schema.EnumerateObject().Select((c, i) => (c, i)))
            {
                var value = row[index];
                var rule = column.Value;
                if (value.Length == 0)
                {
                    Assert.False(rule.GetProperty("required").GetBoolean(), $"{column.Name} is required");
                    continue;
                }

                if (rule.TryGetProperty("enum", out var allowed))
                {
                    Assert.Contains(value, allowed.EnumerateArray().Select(a => a.GetString()));
                }

                if (rule.TryGetProperty("pattern", out var pattern))
                {
                    Assert.Matches(pattern.GetString()!, value);
                }
            }
        }
    }

    [Fact]
    public void Markdown_WhenFindingsAreScanned_ShouldGiveWindowCountsThenEveryFinding()
    {
        // Arrange
        var findings = Findings();

        // Act
        var report = ScannedFindings.Render(FindingFormats.Create("markdown", ScannedFindings.GeneratedAt, Settings)!, findings);

        // Assert
        var headings = report.Split('\n').Where(l => l.StartsWith('#')).ToList();
        Assert.Equal("# LambdaGuard incident report", headings[0]);
        Assert.Equal(
            ["### By severity", "### By rule", "### By actor", "### By account", "### By function", "## Findings"],
            headings.Skip(1).Take(6));
        Assert.Contains("- Window: 2026-11-20T", report, StringComparison.Ordinal);
        Assert.Equal(findings.Count, headings.Count(h => h.StartsWith("### ", StringComparison.Ordinal) && char.IsAsciiDigit(h[4])));
        Assert.Contains("## Suppressed findings", headings);
        Assert.Contains("| Critical |", report, StringComparison.Ordinal);
        Assert.Contains("- Reasons:", report, StringComparison.Ordinal);
        Assert.Contains("[CloudTrail event](<https://", report, StringComparison.Ordinal);
    }
}
