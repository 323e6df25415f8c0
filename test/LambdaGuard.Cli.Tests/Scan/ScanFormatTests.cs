using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>The formats beyond table and jsonl end to end through the CLI (their schemas are checked in
/// Core.Tests/Formats): stdout carries only the format, the summary goes to stderr.</summary>
public sealed class ScanFormatTests
{
    [Fact]
    public async Task Scan_WhenFormatIsOcsf_ShouldPrintOneDetectionFindingPerJsonlFinding()
    {
        // Act
        var ocsf = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "ocsf");
        var jsonl = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "jsonl");

        // Assert
        Assert.Equal(0, ocsf.ExitCode);
        Assert.Equal(jsonl.OutLines.Length, ocsf.OutLines.Length);
        Assert.All(ocsf.OutLines, line => Assert.Equal(2004, JsonDocument.Parse(line).RootElement.GetProperty("class_uid").GetInt32()));
        Assert.Contains("findings", ocsf.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Scan_WhenFormatIsAsff_ShouldPrintOneBatchImportDocument()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "asff", "--show-suppressed");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var findings = JsonDocument.Parse(run.Out).RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.Contains(findings, f => f.TryGetProperty("Workflow", out var workflow) && workflow.GetProperty("Status").GetString() == "SUPPRESSED");
    }

    [Fact]
    public async Task Scan_WhenFormatIsCsv_ShouldPrintAHeaderAndOneLinePerFinding()
    {
        // Act
        var csv = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "csv");
        var jsonl = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl");

        // Assert
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("alertId,eventTime,severity,ruleId,", csv.Out, StringComparison.Ordinal);
        Assert.Equal(jsonl.OutLines.Length + 1, csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Scan_WhenFormatIsMarkdown_ShouldPrintAReport()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "markdown");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# LambdaGuard incident report", run.Out, StringComparison.Ordinal);
        Assert.Contains("### By function", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFormatIsUnknown_ShouldBeAUsageError()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "parquet");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Scan_WhenFormatIsCsvWithRuleAndMinSeverity_ShouldListOnlyTheFindingsTheFiltersKeep()
    {
        // Act
        var csv = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "csv", "--rule", "LG00?", "--min-severity", "High");
        var jsonl = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--rule", "LG00?", "--min-severity", "High");

        // Assert
        Assert.Equal(0, csv.ExitCode);
        var rows = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var expected = jsonl.OutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("ruleId").GetString()).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(expected, rows.Select(row => row.Split(',')[3]));
        Assert.Contains("findings outside --rule", csv.Error, StringComparison.Ordinal);
        Assert.Contains("findings outside --min-severity", csv.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFormatIsCsvAndFiltersLeaveNothing_ShouldStillPrintTheHeader()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "csv", "--rule", "LG999");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("alertId,eventTime,severity,ruleId,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFormatIsOcsfAndPathIsDash_ShouldReadStandardInput()
    {
        // Arrange
        var fixture = ScanRun.Fixture("alice-code-update.json");

        // Act
        var run = await ScanRun.RunWithInputAsync(() => File.OpenRead(fixture), "-", "--format", "ocsf");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var finding = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal(2004, finding.GetProperty("class_uid").GetInt32());
        Assert.Contains("LG001", finding.GetRawText(), StringComparison.Ordinal);
    }
}
