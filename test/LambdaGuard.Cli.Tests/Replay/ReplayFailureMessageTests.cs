using System.Text.Json;
using LambdaGuard.Cli.Replay;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Replay;

/// <summary>Replay over every kind of message the stack's failure queues and bucket hold: what it redrives, and
/// what it reports instead of a quiet "0 records".</summary>
public sealed class ReplayFailureMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Failures = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "failures");

    private readonly InMemorySuppressionSource suppressions = new();
    private readonly InMemoryAlertClaims claims = new();
    private readonly RecordingAlertPublisher publisher = new();
    private readonly Dictionary<string, RecordingAlertPublisher> topics = [];
    private readonly List<Uri> objectsRead = [];

    [Fact]
    public async Task ProcessAsync_WhenAuditFailureObject_ShouldRedriveEachRecordAsAnLg011Audit()
    {
        // Act
        var (code, lines, _) = await ReplayAsync(Fixture("audit-failure-object.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        var line = Assert.Single(lines);
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.Equal("LG011", line.GetProperty("ruleId").GetString());
        Assert.Equal("LG011", Assert.Single(publisher.Messages).Attributes["ruleId"]);
        Assert.Contains("everything", publisher.Messages.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_WhenTheSameAuditFailureObjectIsReplayedTwice_ShouldPublishOnce()
    {
        // Act
        await ReplayAsync(Fixture("audit-failure-object.json"));
        var (code, lines, _) = await ReplayAsync(Fixture("audit-failure-object.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("duplicate", Assert.Single(lines).GetProperty("outcome").GetString());
        Assert.Single(publisher.Published);
    }

    [Fact]
    public async Task ProcessAsync_WhenStreamFailureNoticeNamesAnObject_ShouldReadItFromS3AndRedriveIt()
    {
        // Act
        var (code, lines, _) = await ReplayAsync(Fixture("stream-failures-notice.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(new Uri("s3://lambdaguard-audit-failures/aws/lambda/uuid-1/shardId-1/2026/11/30/2026-11-30T09.05.00-abc"), Assert.Single(objectsRead));
        Assert.Equal("LG011", Assert.Single(lines).GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task ProcessAsync_WhenRuleDlqHoldsATamperEvent_ShouldRepublishItUnchangedToTheTargetTopic()
    {
        // Arrange
        var dump = JsonDocument.Parse(File.ReadAllText(Fixture("rule-dlq-tamper.json")));
        var body = dump.RootElement.GetProperty("Messages")[0].GetProperty("Body").GetString()!;

        // Act
        var (code, lines, _) = await ReplayAsync(Fixture("rule-dlq-tamper.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        var line = Assert.Single(lines);
        Assert.Equal("republished", line.GetProperty("outcome").GetString());
        var sent = Assert.Single(topics["arn:aws:sns:us-east-1:111122223333:LambdaGuard-Alerts"].Messages);
        Assert.Equal(body, JsonDocument.Parse(sent.Message).RootElement.GetProperty("default").GetString());
        Assert.Empty(publisher.Published);
        Assert.Empty(claims.Attempts);
    }

    [Fact]
    public async Task ProcessAsync_WhenTamperTopicIsGiven_ShouldRepublishThereInsteadOfTheNamedTarget()
    {
        // Act
        var (code, _, _) = await ReplayAsync(new ReplayPortsOptions("arn:aws:sns:us-east-1:111122223333:LambdaGuard-IamWatch"), Fixture("rule-dlq-tamper.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        Assert.Single(topics["arn:aws:sns:us-east-1:111122223333:LambdaGuard-IamWatch"].Messages);
        Assert.False(topics.ContainsKey("arn:aws:sns:us-east-1:111122223333:LambdaGuard-Alerts"));
    }

    [Theory]
    [InlineData("on-failure-payload-dropped.json", "payload dropped")]
    [InlineData("stream-failure-pointer.json", "stream batch pointer")]
    [InlineData("unrelated.json", "neither a CloudTrail file")]
    public async Task ProcessAsync_WhenAMessageCannotBeRedriven_ShouldNameItAndReturnTheInputCode(string fixture, string reason)
    {
        // Act
        var (code, lines, summary) = await ReplayAsync(Fixture(fixture));

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, code);
        var line = Assert.Single(lines);
        Assert.Equal("not-redriven", line.GetProperty("outcome").GetString());
        Assert.Contains(reason, line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(fixture, line.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 not redriven", summary, StringComparison.Ordinal);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task ProcessAsync_WhenAFailedHeartbeat_ShouldSkipItWithoutFailing()
    {
        // Act
        var (code, lines, _) = await ReplayAsync(Fixture("on-failure-heartbeat.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("skipped", Assert.Single(lines).GetProperty("outcome").GetString());
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task ProcessAsync_WhenTheWholeFailureFolderIsReplayed_ShouldRedriveWhatItCanAndStillReturnTheInputCode()
    {
        // Act
        var (code, lines, _) = await ReplayAsync(Failures);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, code);
        Assert.Equal(3, lines.Count(l => l.GetProperty("outcome").GetString() == "not-redriven"));
        Assert.Equal(1, lines.Count(l => l.GetProperty("outcome").GetString() == "republished"));
        Assert.Single(publisher.Published);
    }

    private static string Fixture(string name) => Path.Combine(Failures, name);

    private Task<(int Code, List<JsonElement> Lines, string Summary)> ReplayAsync(params string[] paths) => ReplayAsync(new ReplayPortsOptions(null), paths);

    private async Task<(int Code, List<JsonElement> Lines, string Summary)> ReplayAsync(ReplayPortsOptions options, params string[] paths)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(Now));
        var ports = new ReplayPorts(
            suppressions,
            claims,
            publisher,
            TopicPublisher: arn => topics.TryGetValue(arn, out var existing) ? existing : topics[arn] = new RecordingAlertPublisher(),
            TamperTopicArn: options.TamperTopicArn,
            AlertTopicArn: "arn:aws:sns:us-east-1:111122223333:LambdaGuard-Alerts",
            ReadObject: (uri, _) =>
            {
                objectsRead.Add(uri);
                return Task.FromResult(File.ReadAllBytes(Fixture("audit-failure-object.json")));
            });
        var code = await ReplayRunner.ProcessAsync(paths, new RecordProcessorOptions(), jsonl: true, ports, io, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (code, lines, error.ToString());
    }

    private sealed record ReplayPortsOptions(string? TamperTopicArn);
}
