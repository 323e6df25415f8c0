using System.Text;
using System.Text.Json;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Cli.Tests.Scan;

public sealed class FileScannerTests
{
    [Fact]
    public void Scan_WhenTheDetectorThrowsOnOneRecord_ShouldReportItAndJudgeTheRecordsAroundIt()
    {
        // Arrange: three copies of alice's code update; a rule that breaks on the function named "boom".
        using var log = JsonDocument.Parse(File.ReadAllText(ScanRun.Fixture("alice-code-update.json")));
        var record = JsonSerializer.Serialize(log.RootElement.GetProperty("Records")[0]);
        var lines = string.Join('\n', record, record.Replace("\"functionName\":\"", "\"functionName\":\"boom", StringComparison.Ordinal), record);
        IDetectionRule[] rules = [new BrokenRule(), .. RuleCatalog.EvaluationOrder];
        var scanner = new FileScanner(new Detector(new DetectorSettings(), rules), [], ScanRun.Today);
        var events = new List<ScanEvent>();

        // Act
        var result = scanner.Scan(new StandardInput(() => new MemoryStream(Encoding.UTF8.GetBytes(lines))), events.Add);

        // Assert
        Assert.Equal(2, events.Count(e => e.Finding is not null));
        var problem = Assert.Single(events, e => e.Diagnostic is not null).Diagnostic!;
        Assert.StartsWith("-#1: the detector failed on this record and did not judge it: InvalidOperationException: rule bug", problem, StringComparison.Ordinal);
        Assert.Equal(1, result.Counters.MalformedRecords);
    }

    private sealed class BrokenRule : IDetectionRule
    {
        public RuleDefinition Definition { get; } = new("LG901", "broken test rule", Severity.Low, [], "test", [], [], RuleScope.Exposure);

        public RuleMatch? Evaluate(RuleContext context) =>
            context.Record.RequestParameters?.GetRawText().Contains("boom", StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("rule bug")
                : null;
    }
}
