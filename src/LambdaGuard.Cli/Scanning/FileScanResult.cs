using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Everything one file contributed, so files can be scanned in parallel and reported in order.</summary>
public sealed class FileScanResult
{
    public ReadCounters Counters { get; } = new();

    public List<ScannedFinding> Findings { get; } = [];

    public List<string> Diagnostics { get; } = [];

    public Dictionary<DetectionDecision, long> Decisions { get; } = [];

    /// <summary>Findings left out by each scope filter.</summary>
    public Dictionary<FindingFilter, long> Filtered { get; } = [];
}
