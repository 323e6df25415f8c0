using System.Text;
using System.Text.Json;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Cli.Tests.Scan;

public sealed class FileScannerTests
{
    private static string AliceRecord(string functionPrefix = "")
    {
        using var log = JsonDocument.Parse(File.ReadAllText(ScanRun.Fixture("alice-code-update.json")));
        return JsonSerializer.Serialize(log.RootElement.GetProperty("Records")[0])
            .Replace("\"functionName\":\"", "\"functionName\":\"" + functionPrefix, StringComparison.Ordinal);
    }

    private static IDetectionRule[] RulesWithABug => [new BrokenRule(), .. RuleCatalog.EvaluationOrder];

    [Fact]
    public void Scan_WhenTheDetectorThrowsOnOneRecord_ShouldReportItAndJudgeTheRecordsAroundIt()
    {
        // Arrange: three copies of alice's code update; a rule that breaks on functions named "boom...".
        var lines = string.Join('\n', AliceRecord(), AliceRecord("boom"), AliceRecord());
        var scanner = new FileScanner(new Detector(new DetectorSettings(), RulesWithABug), [], ScanRun.Today);
        var events = new List<ScanEvent>();

        // Act
        var result = scanner.Scan(new StandardInput(() => new MemoryStream(Encoding.UTF8.GetBytes(lines))), events.Add);

        // Assert
        Assert.Equal(2, events.Count(e => e.Finding is not null));
        var problem = Assert.Single(events, e => e.Diagnostic is not null).Diagnostic!;
        Assert.StartsWith("-#1: the detector failed on this record and did not judge it: InvalidOperationException: rule bug", problem, StringComparison.Ordinal);
        Assert.Equal(1, result.Counters.MalformedRecords);
        Assert.Equal(1, result.Unjudged);
    }

    [Fact]
    public void Scan_WhenTheDetectorThrowsOnThousandsOfRecords_ShouldShowTheFirstThousandAndCountTheRest()
    {
        // Arrange
        var lines = string.Join('\n', Enumerable.Repeat(AliceRecord("boom"), FileScanner.MaxMalformedShownPerFile + 5));
        var scanner = new FileScanner(new Detector(new DetectorSettings(), RulesWithABug), [], ScanRun.Today);
        var events = new List<ScanEvent>();

        // Act
        var result = scanner.Scan(new StandardInput(() => new MemoryStream(Encoding.UTF8.GetBytes(lines))), events.Add);

        // Assert
        var problems = events.Where(e => e.Diagnostic is not null).Select(e => e.Diagnostic!).ToList();
        Assert.Equal(FileScanner.MaxMalformedShownPerFile + 1, problems.Count);
        Assert.EndsWith("5 more malformed records not shown (1005 in this file)", problems[^1], StringComparison.Ordinal);
        Assert.Equal(1005, result.Unjudged);
    }

    [Fact]
    public void Run_WhenTheDetectorFailsOnARecord_ShouldExitTwoEvenUnderFailOn()
    {
        // Arrange: the unjudged record could have been Critical; --fail-on must not pass it as clean.
        using var folder = new ScratchFolder();
        var file = Path.Combine(folder.Path, "records.jsonl");
        File.WriteAllText(file, AliceRecord("boom") + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, TimeProvider.System);
        var request = new ScanRequest([file], null, Jsonl: true, ShowSuppressed: false, FailOn: Severity.Critical, new DetectorSettings(), AsOf: null);

        // Act
        var exitCode = ScanCommand.Run(request, io, rules: RulesWithABug);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Contains("the detector failed on this record", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
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
