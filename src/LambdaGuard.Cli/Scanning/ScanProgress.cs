namespace LambdaGuard.Cli.Scanning;

/// <summary>A one-line progress display on stderr, only for people (an interactive terminal) and only once
/// a scan has run long enough to need it.</summary>
public sealed class ScanProgress(CliIo io, int totalFiles)
{
    private static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private TimeSpan _last = TimeSpan.Zero;
    private const int Width = 79;
    private bool _shown;

    public void Report(ScanSummary summary, TimeSpan elapsed)
    {
        if (!io.Interactive || elapsed < FirstAfter || elapsed - _last < Every)
        {
            return;
        }

        _last = elapsed;
        _shown = true;
        var mib = summary.Counters.Bytes / (1024.0 * 1024.0);
        var line = $"scanning: {summary.Counters.Files}/{totalFiles} files, {summary.Counters.Records} records, {mib:0} MiB, {mib / elapsed.TotalSeconds:0} MiB/s";
        io.Error.Write($"\r{line.PadRight(Width)[..Width]}");
    }

    /// <summary>Wipes the progress line, so diagnostics and the summary start on a clean line and nothing
    /// is left behind when the scan ends.</summary>
    public void Clear()
    {
        if (_shown)
        {
            io.Error.Write($"\r{new string(' ', Width)}\r");
            _shown = false;
        }
    }
}
