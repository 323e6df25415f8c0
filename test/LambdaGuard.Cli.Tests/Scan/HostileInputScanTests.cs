using System.Text;
using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>Function names are chosen by whoever makes the change: the scan output must survive them.</summary>
public sealed class HostileInputScanTests
{
    [Fact]
    public async Task Scan_WhenFunctionNameHoldsControlCharacters_ShouldShowThemEscapedInTheTable()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.Fixture("hostile-function-name.json"));

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("LG001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', run.Out);
        Assert.DoesNotContain('\r', run.Out);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain('\u202e', run.Out);
        Assert.DoesNotContain(run.OutLines, line => line.StartsWith("Severity: Info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_WhenFunctionNameHoldsControlCharacters_ShouldKeepOneValidJsonLine()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.Fixture("hostile-function-name.json"), "--format", "jsonl");

        // Assert
        var line = Assert.Single(run.OutLines);
        using var finding = JsonDocument.Parse(line);
        Assert.StartsWith("evil\0\r\n", finding.RootElement.GetProperty("functionName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFunctionNameIs3MB_ShouldReportABoundedFinding()
    {
        // Arrange
        using var folder = new ScratchFolder();
        var template = await File.ReadAllTextAsync(ScanRun.Fixture("alice-code-update.json"));
        var file = Path.Combine(folder.Path, "huge.json");
        await File.WriteAllTextAsync(file, template.Replace("\"orders-api\"", "\"" + new string('f', 3 * 1024 * 1024) + "\"", StringComparison.Ordinal), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        // Act
        var jsonl = await ScanRun.RunAsync(file, "--format", "jsonl");
        var table = await ScanRun.RunAsync(file);

        // Assert
        Assert.Equal(0, jsonl.ExitCode);
        var line = Assert.Single(jsonl.OutLines);
        Assert.True(line.Length < 64 * 1024, $"finding line is {line.Length} chars");
        Assert.Equal(0, table.ExitCode);
        Assert.True(table.Out.Length < 64 * 1024, $"table is {table.Out.Length} chars");
    }
}
