using System.Globalization;
using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>--since/--until, --account, --event-region, --rule, --min-severity and standard input.</summary>
public sealed class ScanScopeTests
{
    private static List<JsonElement> JsonLines(ScanRun run) =>
        run.OutLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static DateTimeOffset EventTime(JsonElement finding) =>
        DateTimeOffset.Parse(finding.GetProperty("eventTime").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Scan_WhenSinceAndUntilGiven_ShouldReportOnlyEventsInsideAndCountTheRest()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--since", "2026-11-20T10:00:00Z", "--until", "2026-11-20T11:00:00Z");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var findings = JsonLines(run);
        Assert.Equal(5, findings.Count);
        Assert.All(findings, f => Assert.InRange(EventTime(f), new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 10, 59, 59, TimeSpan.Zero)));
        Assert.Contains("12 findings outside --since/--until", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenSinceIsAnAge_ShouldCountBackFromAsOf()
    {
        // Act
        var relative = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--as-of", "2026-11-20T11:00:00Z", "--since", "1h", "--until", "0m");
        var absolute = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--since", "2026-11-20T10:00:00Z", "--until", "2026-11-20T11:00:00Z");

        // Assert
        Assert.Equal(0, relative.ExitCode);
        Assert.Equal(absolute.OutLines, relative.OutLines);
    }

    [Fact]
    public async Task Scan_WhenSinceIsInWeeks_ShouldTakeTheSameUnitsAsExpiresAt()
    {
        // Act
        var weeks = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--as-of", "2026-11-20T11:00:00Z", "--since", "2w");
        var days = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--as-of", "2026-11-20T11:00:00Z", "--since", "14d");

        // Assert
        Assert.Equal(0, weeks.ExitCode);
        Assert.Equal(days.OutLines, weeks.OutLines);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "2026-11-20T10:00:00")]
    [InlineData("--since", "99999999d")]
    [InlineData("--since", "5000000d")]
    [InlineData("--until", "2000000000m")]
    public async Task Scan_WhenATimeIsNotATime_ShouldExit2NamingTheOption(string option, string value)
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, option, value);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"{option} '{value}' is not a time", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenSinceIsNotBeforeUntil_ShouldExit2()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--since", "2026-11-21", "--until", "2026-11-20");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not before --until", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenRuleAndMinSeverityGiven_ShouldReportOnlyMatchingFindingsAndCountEachFilter()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--rule", "LG00?", "--min-severity", "high");

        // Assert
        var findings = JsonLines(run);
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Matches("^LG00[0-9]$", f.GetProperty("ruleId").GetString());
            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "High", "Critical" });
        });
        Assert.Contains("3 findings outside --rule", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("findings outside --min-severity", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenEventRegionAndAccountGiven_ShouldReportOnlyMatchingFindings()
    {
        // Act
        var all = JsonLines(await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl"));
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--event-region", "eu-*", "--account", "1234*");
        var otherAccount = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--account", "999999999999");

        // Assert
        var findings = JsonLines(run);
        Assert.Equal(all.Count(f => f.GetProperty("region").GetString()!.StartsWith("eu-", StringComparison.Ordinal)), findings.Count);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("eu-", f.GetProperty("region").GetString(), StringComparison.Ordinal));
        Assert.Contains("findings outside --event-region", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(otherAccount.OutLines);
        Assert.Contains($"{all.Count} findings outside --account", otherAccount.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenPathIsDash_ShouldReadStandardInputAsGzipOrPlain()
    {
        // Arrange
        var fixture = ScanRun.Fixture("alice-code-update.json");

        // Act
        var run = await ScanRun.RunWithInputAsync(() => File.OpenRead(fixture), "-", "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var finding = Assert.Single(JsonLines(run));
        Assert.Equal("LG001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("-", finding.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Scan_WhenFailOnIsMet_ShouldSayHowManyFindingsMetIt()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--fail-on", "Critical");

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("lambdaguard scan: 5 unsuppressed findings at or above Critical (--fail-on Critical)", Assert.Single(run.ErrorLines));
    }
}
