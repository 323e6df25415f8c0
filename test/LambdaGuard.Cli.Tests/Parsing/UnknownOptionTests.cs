using LambdaGuard.Cli.Tests.Scan;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Parsing;

/// <summary>A mistyped option is a usage error before anything runs, for every command.</summary>
public sealed class UnknownOptionTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today));
        var exitCode = await LambdaGuardCli.RunAsync(args, io);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Scan_WhenAnUnknownOptionFollowsThePaths_ShouldExit2BeforeScanning()
    {
        // Act
        var run = await RunAsync("scan", ScanRun.SamplesFolder, "--bogus");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("lambdaguard scan: unknown option '--bogus'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'lambdaguard scan --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("records", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fromat", "jsonl")]
    [InlineData("--fromat=jsonl")]
    public async Task Scan_WhenAnOptionIsMistyped_ShouldSuggestTheRealOne(params string[] typo)
    {
        // Act
        var run = await RunAsync(["scan", ScanRun.SamplesFolder, .. typo]);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"unknown option '{typo[0]}'. Did you mean '--format'?", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay", "--tabel", "x", "replay", "--table")]
    [InlineData("suppressions", "list", "--bogus", "suppressions list", null)]
    [InlineData("test-alert", "--topic-ar", "arn", "test-alert", "--topic-arn")]
    [InlineData("rules", "--fromat", "json", "rules", "--format")]
    [InlineData("coverage", "--tabel", "claims", "coverage", "--table")]
    [InlineData("scan", "--s3-endpoint-ur", "http://127.0.0.1:1", "scan", "--s3-endpoint-url")]
    public async Task AnyCommand_WhenAnOptionIsUnknown_ShouldExit2WithItsHelpPointer(string command, string first, string second, string path, string? suggestion)
    {
        // Act
        var run = await RunAsync(command, first, second);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Run 'lambdaguard {path} --help' for usage.", run.Error, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains($"Did you mean '{suggestion}'?", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_WhenADashedPathFollowsDoubleDash_ShouldTreatItAsAPath()
    {
        // Act
        var run = await RunAsync("scan", "--", "--not-an-option");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--not-an-option: no such file or folder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown option", run.Error, StringComparison.Ordinal);
    }
}
