using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Scans one input end to end: read, detect, apply the scope, match suppressions. Never throws for
/// bad content.</summary>
public sealed class FileScanner(Detector detector, IReadOnlyList<SuppressionEntry> suppressions, DateTimeOffset asOf, ScanScope? scope = null)
{
    /// <summary>A file of millions of bad lines must not hold millions of messages: past this many, the rest
    /// are counted (the summary's malformed total) and summarised in one line.</summary>
    public const int MaxMalformedShownPerFile = 1000;

    // scan only reports findings, so read-only calls and data events are dismissed from their raw bytes.
    private readonly CloudTrailReader _reader = new() { DismissReadOnlyAndDataEvents = true };
    private readonly ScanScope _scope = scope ?? ScanScope.Everything;

    /// <summary>Scans one input, handing each finding and diagnostic to <paramref name="emit"/> as it is
    /// found (in record order) and returning the file's counts at the end.</summary>
    public FileScanResult Scan(ScanInput input, Action<ScanEvent> emit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(emit);
        var result = new FileScanResult();
        var malformed = 0L;
        foreach (var item in InputFiles.Read(_reader, input, result.Counters))
        {
            switch (item.Kind)
            {
                case ReadItemKind.LambdaRecord when Evaluate(item, result, emit) is { } failure && ++malformed <= MaxMalformedShownPerFile:
                    emit(ScanEvent.Problem(failure));
                    break;
                case ReadItemKind.LambdaRecord:
                    break;
                case ReadItemKind.MalformedRecord when ++malformed <= MaxMalformedShownPerFile:
                    emit(ScanEvent.Problem($"{item.Location.Path}#{item.Location.Index}: malformed record: {item.Message}"));
                    break;
                case ReadItemKind.MalformedRecord:
                    break;
                default:
                    emit(ScanEvent.Problem($"{item.Location.Path}: {item.Message}"));
                    break;
            }
        }

        if (malformed > MaxMalformedShownPerFile)
        {
            emit(ScanEvent.Problem($"{input.Path}: {malformed - MaxMalformedShownPerFile} more malformed records not shown ({malformed} in this file)"));
        }

        Count(result, DetectionDecision.ReadOnly, result.Counters.DismissedReadOnly);
        Count(result, DetectionDecision.DataEvent, result.Counters.DismissedDataEvents);
        return result;
    }

    private static void Count(FileScanResult result, DetectionDecision decision, long count)
    {
        if (count > 0)
        {
            result.Decisions[decision] = result.Decisions.GetValueOrDefault(decision) + count;
        }
    }

    /// <returns>Null once the record is judged; the diagnostic when the detector failed on it.</returns>
    private string? Evaluate(ReadItem item, FileScanResult result, Action<ScanEvent> emit)
    {
        DetectionResult detection;
        try
        {
            detection = detector.Detect(item.Record!, item.Location);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A record the engine cannot judge must not end the scan of every file after it, nor pass a
            // --fail-on gate unnoticed: it is reported where it is, counted with the malformed records, and
            // makes the exit code 2 (the scan is incomplete).
            result.Counters.MalformedRecords++;
            result.Unjudged++;
            return $"{item.Location.Path}#{item.Location.Index}: the detector failed on this record and did not judge it: {ex.GetType().Name}: {ex.Message}";
        }

        result.Decisions[detection.Decision] = result.Decisions.GetValueOrDefault(detection.Decision) + 1;
        if (detection.Finding is not { } finding)
        {
            return null;
        }

        if (_scope.Excludes(finding) is { } filter)
        {
            result.Filtered[filter] = result.Filtered.GetValueOrDefault(filter) + 1;
            return null;
        }

        emit(ScanEvent.Found(new ScannedFinding(finding, SuppressionMatcher.FindMatch(finding, suppressions, asOf))));
        return null;
    }
}
