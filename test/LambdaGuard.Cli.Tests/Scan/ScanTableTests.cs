namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>The people's output: a table that fits 100 columns, the breakdown, --wide.</summary>
public sealed class ScanTableTests
{
    [Fact]
    public async Task Scan_WhenTableIsPrinted_ShouldFitHundredColumnsAndShowTitlesActorsAndFunctions()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--show-suppressed");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        var table = lines.TakeWhile(line => !line.StartsWith("By rule:", StringComparison.Ordinal)).ToList();
        Assert.All(table, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.Contains(table, line => line.Contains("LG001 Lambda code", StringComparison.Ordinal) && line.Contains("user/alice", StringComparison.Ordinal) && line.Contains("orders-api", StringComparison.Ordinal));
        Assert.Contains(table, line => line.Contains("deploy-role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_WhenTableIsPrinted_ShouldSummarizeByRuleActorAndFunctionBeforeTheSummaryLine()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions);

        // Assert
        var lines = run.OutLines.ToList();
        var byRule = lines.IndexOf("By rule:");
        var byActor = lines.IndexOf("By actor:");
        var byFunction = lines.IndexOf("By function:");
        Assert.True(byRule > 0 && byActor > byRule && byFunction > byActor, run.Out);
        Assert.Contains("4  LG009 Other Lambda change by a human", lines[byRule + 1], StringComparison.Ordinal);
        Assert.Contains("7  user/alice", lines[byActor + 1], StringComparison.Ordinal);
        Assert.Contains("7  orders-api", lines[byFunction + 1], StringComparison.Ordinal);
        Assert.StartsWith("6 files,", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("DeployRole", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenWide_ShouldShowFullTimesAccountsApisAndSources()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.Fixture("alice-code-update.json"), "--wide");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-11-20T09:00:00Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("123456789012 / us-east-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("Human: 123456789012:user/alice", run.Out, StringComparison.Ordinal);
        Assert.Contains("UpdateFunctionCode", run.Out, StringComparison.Ordinal);
        Assert.Contains("alice-code-update.json#0", run.Out, StringComparison.Ordinal);
    }
}
