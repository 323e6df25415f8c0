using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Scans one input end to end: read, detect, apply the scope, match suppressions. Never throws for
/// bad content.</summary>
public sealed class FileScanner(Detector detector, IReadOnlyList<SuppressionEntry> suppressions, DateTimeOffset asOf, ScanScope? scope = null)
{
    private readonly CloudTrailReader _reader = new();
    private readonly ScanScope _scope = scope ?? ScanScope.Everything;

    public FileScanResult Scan(string path) => Scan(new LocalFileInput(path));

    public FileScanResult Scan(ScanInput input)
    {
        var result = new FileScanResult();
        foreach (var item in InputFiles.Read(_reader, input, result.Counters))
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
        if (detection.Finding is not { } finding)
        {
            return;
        }

        if (_scope.Excludes(finding) is { } filter)
        {
            result.Filtered[filter] = result.Filtered.GetValueOrDefault(filter) + 1;
            return;
        }

        result.Findings.Add(new ScannedFinding(finding, SuppressionMatcher.FindMatch(finding, suppressions, asOf)));
    }
}
