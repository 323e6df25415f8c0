using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Cli.Scanning;

public sealed class ScanSummary
{
    public ReadCounters Counters { get; } = new();

    public Dictionary<DetectionDecision, long> Decisions { get; } = [];

    public Dictionary<Severity, long> FindingsBySeverity { get; } = [];

    public long Suppressed { get; set; }

    /// <summary>Lambda records the detector failed on: the scan is incomplete, exit code 2.</summary>
    public long Unjudged { get; set; }

    public TimeSpan Elapsed { get; set; }

    public Dictionary<FindingFilter, long> Filtered { get; } = [];

    /// <summary>S3 objects and date folders never read because the time window excludes them.</summary>
    public long ObjectsOutsideWindow { get; set; }

    public long FoldersOutsideWindow { get; set; }

    /// <summary>Folder entries left out on purpose (not regular files, already walked).</summary>
    public long SkippedEntries { get; set; }

    /// <summary>Unsuppressed findings at or above <paramref name="threshold"/>.</summary>
    public long AtOrAbove(Severity threshold) => FindingsBySeverity.Where(pair => pair.Key >= threshold).Sum(pair => pair.Value);

    public void Add(FileScanResult file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Counters.Add(file.Counters);
        Unjudged += file.Unjudged;
        foreach (var (decision, count) in file.Decisions)
        {
            Decisions[decision] = Decisions.GetValueOrDefault(decision) + count;
        }

        foreach (var (filter, count) in file.Filtered)
        {
            Filtered[filter] = Filtered.GetValueOrDefault(filter) + count;
        }
    }

    public void Add(ScannedFinding scanned)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        if (scanned.SuppressedBy is not null)
        {
            Suppressed++;
            return;
        }

        var severity = scanned.Finding.Severity;
        FindingsBySeverity[severity] = FindingsBySeverity.GetValueOrDefault(severity) + 1;
    }

    public string Describe()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Where(FindingsBySeverity.ContainsKey)
            .Select(s => $"{FindingsBySeverity[s]} {s}");
        var findings = FindingsBySeverity.Values.Sum();
        return $"{Counters.Files} files, {Counters.Records} records, {Counters.LambdaRecords} Lambda records, "
            + $"{findings} findings{(findings > 0 ? $" ({string.Join(", ", bySeverity)})" : string.Empty)}, "
            + $"{Suppressed} suppressed, {Counters.MalformedRecords} malformed, {Counters.FileErrors} unreadable files, "
            + $"{Decisions.GetValueOrDefault(DetectionDecision.FailedCall)} failed calls, "
            + $"{Elapsed.TotalSeconds:0.00}s, {Counters.Records / seconds:0} records/s, {Counters.Bytes / seconds / (1024 * 1024):0.0} MiB/s"
            + DescribeScope();
    }

    /// <summary>Only what a scan's options or inputs made happen, so a plain scan's line is unchanged.</summary>
    private string DescribeScope()
    {
        var parts = new List<string>();
        foreach (var (filter, option) in FilterOptions)
        {
            if (Filtered.TryGetValue(filter, out var count))
            {
                parts.Add($"{count} findings outside {option}");
            }
        }

        if (ObjectsOutsideWindow > 0 || FoldersOutsideWindow > 0)
        {
            parts.Add($"{ObjectsOutsideWindow} S3 objects and {FoldersOutsideWindow} date folders outside --since/--until not read");
        }

        if (SkippedEntries > 0)
        {
            parts.Add($"{SkippedEntries} folder entries skipped");
        }

        return parts.Count == 0 ? string.Empty : $"; left out: {string.Join(", ", parts)}";
    }

    private static readonly (FindingFilter Filter, string Option)[] FilterOptions =
    [
        (FindingFilter.TimeWindow, "--since/--until"),
        (FindingFilter.Account, "--account"),
        (FindingFilter.EventRegion, "--event-region"),
        (FindingFilter.Rule, "--rule"),
        (FindingFilter.MinSeverity, "--min-severity"),
    ];
}
