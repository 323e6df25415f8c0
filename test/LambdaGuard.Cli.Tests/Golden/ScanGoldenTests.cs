using LambdaGuard.Cli.Tests.Scan;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Golden;

namespace LambdaGuard.Cli.Tests.Golden;

/// <summary>Every finding <c>scan --format jsonl</c> reports over <c>samples/</c>, suppressed ones included, kept
/// byte for byte. Regenerate with <c>LAMBDAGUARD_UPDATE_GOLDEN=1</c> when a change is intended.</summary>
public sealed class ScanGoldenTests
{
    [Fact]
    public async Task Scan_WhenSamplesAreScannedAsJsonl_ShouldPrintTheGoldenFindings()
    {
        // Arrange
        string[] args = ["--format", "jsonl", "--suppressions", ScanRun.SampleSuppressions, "--show-suppressed", "--as-of", "2026-11-20T12:00:00Z", ScanRun.SamplesFolder];

        // Act
        var run = await ScanRun.RunAsync(args);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var relative = run.Out.Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        GoldenFile.AssertMatches("test/LambdaGuard.Cli.Tests/Golden/scan-samples.jsonl", relative);
    }
}
