using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>Every Lambda record of the given files with the detector's decision, in file order. Unlike scan
/// it keeps records without a finding too, since explain reports those decisions.</summary>
public sealed class EventLogDetection(Detector detector)
{
    public ReadCounters Counters { get; } = new();

    public List<string> Diagnostics { get; } = [];

    /// <summary>True when an argument was missing or a file could not be read.</summary>
    public bool InputErrors { get; private set; }

    public IEnumerable<DetectedRecord> Detect(IEnumerable<string> paths)
    {
        var (files, missing) = InputFiles.Expand(paths);
        foreach (var path in missing)
        {
            InputErrors = true;
            Diagnostics.Add($"{path}: no such file or folder");
        }

        var reader = new CloudTrailReader();
        foreach (var file in files)
        {
            foreach (var item in InputFiles.Read(reader, file, Counters))
            {
                switch (item.Kind)
                {
                    case ReadItemKind.LambdaRecord:
                        yield return new DetectedRecord(item.Location, item.Record!, detector.Detect(item.Record!, item.Location));
                        break;
                    case ReadItemKind.MalformedRecord:
                        Diagnostics.Add($"{item.Location}: malformed record: {item.Message}");
                        break;
                    default:
                        InputErrors = true;
                        Diagnostics.Add($"{item.Location.Path}: {item.Message}");
                        break;
                }
            }
        }
    }
}
