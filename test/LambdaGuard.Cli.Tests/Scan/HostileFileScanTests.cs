using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>Files that are not what scan expects (text, floods of bad lines, undecodable strings) end with a
/// clear diagnostic and the right exit code, and never cost a finding from a readable record.</summary>
public sealed class HostileFileScanTests
{
    /// <summary>alice's UpdateFunctionCode (LG001, High) as one JSON line.</summary>
    private static string AliceLine()
    {
        using var log = JsonDocument.Parse(File.ReadAllText(ScanRun.Fixture("alice-code-update.json")));
        return log.RootElement.GetProperty("Records")[0].GetRawText().ReplaceLineEndings(string.Empty);
    }

    private static void WriteGzip(string path, string content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
    }

    [Fact]
    public async Task Scan_WhenJsonLinesHoldThousandsOfBadLines_ShouldShowTheFirstThousandAndCountTheRest()
    {
        // Arrange
        using var folder = new ScratchFolder();
        var file = Path.Combine(folder.Path, "flood.jsonl.gz");
        WriteGzip(file, AliceLine() + "\n" + string.Concat(Enumerable.Repeat("-\n", 3000)));

        // Act
        var run = await ScanRun.RunAsync(file, "--format", "jsonl", "--fail-on", "High");

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"ruleId\":\"LG001\"", Assert.Single(run.OutLines), StringComparison.Ordinal);
        Assert.Equal(1000, run.ErrorLines.Count(l => l.Contains(": malformed record: ", StringComparison.Ordinal)));
        Assert.Contains(run.ErrorLines, l => l.EndsWith("2000 more malformed records not shown (3000 in this file)", StringComparison.Ordinal));
        Assert.Contains("3000 malformed", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x\n-\n-\n")]
    [InlineData("# Notes\n\n- first\n- second\n")]
    [InlineData("2026-11-30 10:00:01 INFO started\n2026-11-30 10:00:02 WARN slow\n")]
    [InlineData("1. open the console\n2. roll back\n")]
    public async Task Scan_WhenAFileIsTextNotJson_ShouldExitTwoAfterScanningTheOtherFiles(string text)
    {
        // Arrange
        using var folder = new ScratchFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a-notes.txt"), text);
        folder.Copy(ScanRun.Fixture("alice-code-update.json"), "b-alice.json");

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"ruleId\":\"LG001\"", Assert.Single(run.OutLines), StringComparison.Ordinal);
        var diagnostic = Assert.Single(run.ErrorLines, l => l.Contains("a-notes.txt", StringComparison.Ordinal));
        Assert.Contains("not JSON", diagnostic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws-cli/\\udc00")]
    [InlineData("aws-cli/\\ud800\\ud800")]
    public async Task Scan_WhenUserAgentHoldsALoneSurrogate_ShouldStillFailOnTheFinding(string userAgent)
    {
        // Arrange
        using var folder = new ScratchFolder();
        var file = Path.Combine(folder.Path, "agent.jsonl");
        File.WriteAllText(file, AliceLine().Replace("aws-cli/2.17.0", userAgent, StringComparison.Ordinal) + "\n");

        // Act
        var run = await ScanRun.RunAsync(file, "--format", "jsonl", "--fail-on", "High");

        // Assert
        Assert.Equal(1, run.ExitCode);
        using var finding = JsonDocument.Parse(Assert.Single(run.OutLines));
        Assert.StartsWith("aws-cli/\uFFFD", finding.RootElement.GetProperty("event").GetProperty("userAgent").GetString(), StringComparison.Ordinal);
    }
}
