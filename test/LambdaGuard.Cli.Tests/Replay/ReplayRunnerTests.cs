using System.Text.Json;
using LambdaGuard.Cli.Replay;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Replay;

/// <summary>Replay's loop and output on the in-memory ports (the emulator tests cover the AWS wiring).</summary>
public sealed class ReplayRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Samples = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "samples");

    private readonly InMemorySuppressionSource suppressions = new();
    private readonly InMemoryAlertClaims claims = new();
    private readonly RecordingAlertPublisher publisher = new();

    [Fact]
    public async Task ProcessAsync_WhenReplayedTwice_ShouldPublishEachAlertOnceAndPrintDuplicatesTheSecondTime()
    {
        // Act
        var (firstCode, first) = await ReplayAsync();
        var (secondCode, second) = await ReplayAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, firstCode);
        Assert.Equal(ExitCodes.Success, secondCode);
        Assert.Equal(["LG001", "LG002", "LG004", "LG009"], publisher.Messages.Select(m => m.Attributes["ruleId"]).Order());
        Assert.Equal(4, first.Count(l => Outcome(l) == "published"));
        Assert.Equal(4, second.Count(l => Outcome(l) == "duplicate"));
        Assert.Single(first, l => Outcome(l) == "no-finding");
        Assert.Single(second, l => Outcome(l) == "no-finding");
    }

    [Fact]
    public async Task ProcessAsync_WhenAnEntryMatches_ShouldPrintSuppressedWithTheEntryId()
    {
        // Arrange
        suppressions.Entries.Add(new SuppressionEntry { Id = "alice-window", Reason = "change window", ExpiresAt = Now.AddDays(1), Principal = "arn:aws:iam::123456789012:user/alice" });

        // Act
        var (code, lines) = await ReplayAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, code);
        var suppressed = lines.Where(l => Outcome(l) == "suppressed").ToList();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, l => Assert.Equal("alice-window", l.GetProperty("suppressionId").GetString()));
        Assert.DoesNotContain(publisher.Messages, m => m.Message.Contains("user/alice", StringComparison.Ordinal) && !m.Subject.Contains("Critical", StringComparison.Ordinal));

        // Policy v2: an entry that does not name the rule and the function exactly never hides a Critical finding.
        Assert.Contains(publisher.Messages, m => m.Message.Contains("user/alice", StringComparison.Ordinal) && m.Subject.Contains("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_WhenTheTopicRefusesEveryAlert_ShouldPrintPublishFailedAndReturnTheAwsCode()
    {
        // Arrange
        publisher.Failure = new HttpRequestException("connection refused");

        // Act
        var (code, lines) = await ReplayAsync();

        // Assert
        Assert.Equal(ExitCodes.AwsError, code);
        Assert.Equal(4, lines.Count(l => Outcome(l) == "failed"));
        Assert.All(lines.Where(l => Outcome(l) == "failed"), l => Assert.Contains("connection refused", l.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_WhenAPathIsMissing_ShouldReplayTheRestAndReturnTheUsageCode()
    {
        // Act
        var (code, lines) = await ReplayAsync(Samples, Path.Combine(Samples, "no-such-file.json"));

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, code);
        Assert.Equal(4, lines.Count(l => Outcome(l) == "published"));
    }

    private static string? Outcome(JsonElement line) => line.GetProperty("outcome").GetString();

    private async Task<(int Code, List<JsonElement> Lines)> ReplayAsync(params string[] paths)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(Now));
        var code = await ReplayRunner.ProcessAsync(paths.Length == 0 ? [Samples] : paths, new DetectorSettings(), jsonl: true, new ReplayPorts(suppressions, claims, publisher), io, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (code, lines);
    }
}
