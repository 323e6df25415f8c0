namespace LambdaGuard.Cli.Scanning;

/// <summary>One thing a file's scan produced, handed on as soon as it is known: a finding, a diagnostic
/// line for stderr, or (last) the file's counters.</summary>
public sealed record ScanEvent(ScannedFinding? Finding, string? Diagnostic, FileScanResult? Done)
{
    public static ScanEvent Found(ScannedFinding finding) => new(finding, null, null);

    public static ScanEvent Problem(string diagnostic) => new(null, diagnostic, null);

    public static ScanEvent Finished(FileScanResult result) => new(null, null, result);
}
