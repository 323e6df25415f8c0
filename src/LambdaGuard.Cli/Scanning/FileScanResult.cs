using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Scanning;

/// <summary>The counts one file contributed. Its findings and diagnostics are not held here: they are
/// streamed as <see cref="ScanEvent"/>s while the file is read, so a file of a million findings costs no
/// more memory than one of a few.</summary>
public sealed class FileScanResult
{
    public ReadCounters Counters { get; } = new();

    public Dictionary<DetectionDecision, long> Decisions { get; } = [];

    /// <summary>Lambda records the detector failed on (also counted as malformed); any makes the exit code 2.</summary>
    public long Unjudged { get; set; }

    /// <summary>Findings left out by each scope filter.</summary>
    public Dictionary<FindingFilter, long> Filtered { get; } = [];
}
