using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Scans one file end to end: read, detect, match suppressions. Never throws for bad content.</summary>
public sealed class FileScanner(Detector detector, IReadOnlyList<SuppressionEntry> suppressions, DateTimeOffset asOf)
{
    private readonly CloudTrailReader _reader = new();

    public FileScanResult Scan(string path)
    {
        var result = new FileScanResult();
        foreach (var item in InputFiles.Read(_reader, path, result.Counters))
        {
            switch (item.Kind)
            {
                case ReadItemKind.LambdaRecord:
                    Evaluate(item, result);
                    break;
                case ReadItemKind.MalformedRecord:
                    result.Diagnostics.Add($"{item.Location.Path}#{item.Location.Index}: malformed record: {item.Message}");
                    break;
                default:
                    result.Diagnostics.Add($"{item.Location.Path}: {item.Message}");
                    break;
            }
        }

        return result;
    }

    private void Evaluate(ReadItem item, FileScanResult result)
    {
        var detection = detector.Detect(item.Record!, item.Location);
        result.Decisions[detection.Decision] = result.Decisions.GetValueOrDefault(detection.Decision) + 1;
        if (detection.Finding is { } finding)
        {
            result.Findings.Add(new ScannedFinding(finding, SuppressionMatcher.FindMatch(finding, suppressions, asOf)));
        }
    }
}
