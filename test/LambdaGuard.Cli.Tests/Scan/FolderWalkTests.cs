using System.Diagnostics;
using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>Walking folders: regular files only, each folder and file once, unreadable entries reported.</summary>
public sealed class FolderWalkTests
{
    private static int FindingCount(ScanRun run) => run.OutLines.Length;

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Scan_WhenAFolderLinksToItself_ShouldScanEachFileOnce()
    {
        // Arrange
        using var folder = new ScratchFolder();
        folder.Copy(ScanRun.Fixture("alice-code-update.json"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "again"), ".");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "parent"), folder.Path);

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, FindingCount(run));
        Assert.Contains("again: skipped: a folder already scanned", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("1 files,", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenAFolderHoldsHiddenEntries_ShouldSkipThemAndCountThemLikeOtherSkippedEntries()
    {
        // Arrange
        using var folder = new ScratchFolder();
        folder.Copy(ScanRun.Fixture("alice-code-update.json"));
        File.Copy(ScanRun.Fixture("own-function.json"), Path.Combine(folder.Path, ".hidden.json"));
        var hiddenFolder = Directory.CreateDirectory(Path.Combine(folder.Path, ".git")).FullName;
        File.Copy(ScanRun.Fixture("own-function.json"), Path.Combine(hiddenFolder, "inside.json"));

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, FindingCount(run));
        Assert.Contains(".hidden.json: skipped: a hidden entry", run.Error, StringComparison.Ordinal);
        Assert.Contains(".git: skipped: a hidden entry", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 folder entries skipped", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenTwoFoldersLinkToEachOther_ShouldFinishWithEachFileOnce()
    {
        // Arrange
        using var folder = new ScratchFolder();
        var a = Directory.CreateDirectory(Path.Combine(folder.Path, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(folder.Path, "b")).FullName;
        File.Copy(ScanRun.Fixture("alice-code-update.json"), Path.Combine(a, "one.json"));
        File.Copy(ScanRun.Fixture("own-function.json"), Path.Combine(b, "two.json"));
        File.CreateSymbolicLink(Path.Combine(a, "to-b"), b);
        File.CreateSymbolicLink(Path.Combine(b, "to-a"), a);

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, FindingCount(run));
        Assert.StartsWith("2 files,", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenAFolderHoldsAFifoAndALinkToDevZero_ShouldSkipAndReportThem()
    {
        // Arrange
        using var folder = new ScratchFolder();
        folder.Copy(ScanRun.Fixture("alice-code-update.json"));
        MakeFifo(Path.Combine(folder.Path, "pipe"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "zero"), "/dev/zero");

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, FindingCount(run));
        Assert.Contains("pipe: skipped: not a regular file (Fifo)", run.Error, StringComparison.Ordinal);
        Assert.Contains("zero: skipped: not a regular file (CharacterDevice)", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 folder entries skipped", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenAFifoIsNamedOnTheCommandLine_ShouldReadIt()
    {
        // Arrange
        using var folder = new ScratchFolder();
        var pipe = Path.Combine(folder.Path, "pipe");
        MakeFifo(pipe);
        var content = await File.ReadAllBytesAsync(ScanRun.Fixture("alice-code-update.json"));
        var writer = Task.Run(() => File.WriteAllBytes(pipe, content));

        // Act
        var run = await ScanRun.RunAsync(pipe, "--format", "jsonl");
        await writer;

        // Assert
        Assert.Equal(0, run.ExitCode);
        var finding = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal(pipe, finding.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Scan_WhenAFolderEntryCannotBeRead_ShouldReportItScanTheRestAndExit2()
    {
        // Arrange
        using var folder = new ScratchFolder();
        folder.Copy(ScanRun.Fixture("alice-code-update.json"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "broken"), Path.Combine(folder.Path, "gone"));

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl", "--fail-on", "Low");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1, FindingCount(run));
        Assert.Contains("broken: cannot read:", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 unreadable files", run.ErrorLines.First(line => line.Contains(" records, ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenTheSamePathIsGivenTwice_ShouldScanItOnce()
    {
        // Arrange
        var file = ScanRun.Fixture("alice-code-update.json");

        // Act
        var sameFileOtherSpelling = Path.Combine(Path.GetDirectoryName(file)!, ".", Path.GetFileName(file));
        var run = await ScanRun.RunAsync(file, file, sameFileOtherSpelling, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, FindingCount(run));
        Assert.Equal(file, JsonDocument.Parse(run.OutLines[0]).RootElement.GetProperty("source").GetProperty("path").GetString());
    }
}
