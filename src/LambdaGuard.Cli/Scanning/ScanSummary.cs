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

    public Severity? HighestUnsuppressed { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Add(FileScanResult file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Counters.Add(file.Counters);
        foreach (var (decision, count) in file.Decisions)
        {
            Decisions[decision] = Decisions.GetValueOrDefault(decision) + count;
        }

        foreach (var scanned in file.Findings)
        {
            if (scanned.SuppressedBy is not null)
            {
                Suppressed++;
                continue;
            }

            var severity = scanned.Finding.Severity;
            FindingsBySeverity[severity] = FindingsBySeverity.GetValueOrDefault(severity) + 1;
            if (HighestUnsuppressed is null || severity > HighestUnsuppressed)
            {
                HighestUnsuppressed = severity;
            }
        }
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
            + $"{Elapsed.TotalSeconds:0.00}s, {Counters.Records / seconds:0} records/s, {Counters.Bytes / seconds / (1024 * 1024):0.0} MiB/s";
    }
}
