using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Benchmarks;

/// <summary>Per-record cost of the engine once a record is known to be Lambda's: the non-alerting path
/// (a pipeline role) and the alerting path (detect, then build the SNS message).</summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private readonly Detector _detector = new(new DetectorSettings());
    private readonly AlertBuilder _alerts = new();
    private CloudTrailRecord _human = new();
    private CloudTrailRecord _pipeline = new();

    [GlobalSetup]
    public void Setup()
    {
        _human = Parse(SyntheticLogs.HumanCodeUpdate);
        _pipeline = Parse(SyntheticLogs.PipelineCodeUpdate);
    }

    [Benchmark]
    public DetectionDecision NonAlertingRecord() => _detector.Detect(_pipeline).Decision;

    [Benchmark]
    public DetectionDecision AlertingRecord() => _detector.Detect(_human).Decision;

    [Benchmark]
    public int AlertingRecordWithMessage()
    {
        var finding = _detector.Detect(_human).Finding!;
        return _alerts.Build(finding, DateTimeOffset.UnixEpoch, SuppressionCheck.Checked).Message.Length;
    }

    private static CloudTrailRecord Parse(string json)
    {
        var record = JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord)!;
        record.Raw = Encoding.UTF8.GetBytes(json);
        return record;
    }
}
