using LambdaGuard.Cli.Scanning;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Scan;

public sealed class ScanProgressTests
{
    [Fact]
    public void Clear_WhenProgressWasShown_ShouldWipeTheLineAndLeaveTheCursorAtItsStart()
    {
        // Arrange
        using var error = new StringWriter();
        var io = new CliIo(TextWriter.Null, error, TextReader.Null, Interactive: true, new AutoAdvancingTimeProvider(ScanRun.Today));
        var progress = new ScanProgress(io, totalFiles: 10);
        var summary = new ScanSummary();
        summary.Counters.Files = 3;

        // Act
        progress.Report(summary, TimeSpan.FromSeconds(3));
        progress.Clear();
        progress.Clear();

        // Assert
        var text = error.ToString();
        Assert.StartsWith("\rscanning: 3/10 files", text, StringComparison.Ordinal);
        Assert.EndsWith("\r" + new string(' ', 79) + "\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Equal(2, text.Split('\r', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Report_WhenNotInteractive_ShouldWriteNothing()
    {
        // Arrange
        using var error = new StringWriter();
        var io = new CliIo(TextWriter.Null, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today));
        var progress = new ScanProgress(io, totalFiles: 10);

        // Act
        progress.Report(new ScanSummary(), TimeSpan.FromSeconds(30));
        progress.Clear();

        // Assert
        Assert.Equal(string.Empty, error.ToString());
    }
}
