using LambdaGuard.Core.Coverage;
using LambdaGuard.Function.Coverage;
using LambdaGuard.Function.Settings;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Function.Tests.Coverage;

public sealed class SpokeCoverageTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(4);

    private readonly InMemorySpokeSignals signals = new();
    private readonly RecordingAlertPublisher publisher = new();
    private readonly InMemoryAlertClaims claims = new();
    private readonly TelemetryCapture telemetry = new();
    private readonly AutoAdvancingTimeProvider clock = new(TestSettings.Now);

    [Fact]
    public async Task Handle_WhenASpokeHeartbeatArrives_ShouldRecordTheEnvelopesAccountAndRegionNotTheDetails()
    {
        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-spoke-heartbeat.json"));

        // Assert
        var write = Assert.Single(signals.Writes);
        Assert.Equal(("444455556666", "ap-south-1"), (write.Account, write.Region));
        Assert.Equal(0, signals.Lists);
        Assert.Empty(signals.MarkAttempts);
        Assert.Empty(signals.Unmarks);
        Assert.Equal(0, publisher.Attempts);
        Assert.Empty(claims.Attempts);
    }

    [Fact]
    public async Task Handle_WhenAHeartbeatComesFromAnotherSource_ShouldNotRecordItAndReportTheInput()
    {
        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-spoke-heartbeat-foreign-source.json"));

        // Assert
        Assert.Empty(signals.Writes);
        Assert.Equal(0, signals.Lists);
        Assert.Empty(signals.MarkAttempts);
        Assert.Empty(signals.Unmarks);
        Assert.Equal(0, publisher.Attempts);
        Assert.Empty(claims.Attempts);
        Assert.Equal(1, telemetry.Metric("Malformed"));
    }

    [Fact]
    public async Task Handle_WhenTheScheduledCheckFindsAQuietSpoke_ShouldPublishTheCoverageAlert()
    {
        // Arrange
        var quiet = signals.Seed(new SpokeSignal("444455556666", "ap-south-1", TestSettings.Now.AddHours(-7)));

        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-scheduled-coverage-check.json"));

        // Assert
        var mark = Assert.Single(signals.MarkAttempts);
        Assert.Equal(quiet, mark.Signal);
        Assert.True(mark.Granted);
        Assert.Empty(signals.Unmarks);
        Assert.Empty(signals.Writes);
        Assert.Empty(claims.Attempts);
        var message = Assert.Single(publisher.Messages);
        Assert.Equal("COVERAGE", message.Attributes["ruleId"]);
        Assert.Contains("444455556666 ap-south-1", message.Subject, StringComparison.Ordinal);
        Assert.Equal(0, telemetry.Metric("Heartbeat"));
    }

    [Fact]
    public async Task Handle_WhenTheDailyHeartbeatFiresOnTheHub_ShouldRunTheCanaryAndNotTheCoverageCheck()
    {
        // Arrange
        signals.Seed(new SpokeSignal("444455556666", "ap-south-1", TestSettings.Now.AddHours(-7)));

        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-scheduled-heartbeat.json"));

        // Assert: one canary a day reaches the topic; the hourly rule alone judges quiet spokes.
        Assert.Empty(signals.MarkAttempts);
        var message = Assert.Single(publisher.Messages);
        Assert.Equal("true", message.Attributes["canary"]);
        Assert.Equal(1, telemetry.Metric("Heartbeat"));
    }

    [Fact]
    public async Task Handle_WhenTheCoverageAlertCannotBePublished_ShouldThrowSoTheCheckIsRetried()
    {
        // Arrange
        var quiet = signals.Seed(new SpokeSignal("444455556666", "ap-south-1", TestSettings.Now.AddHours(-7)));
        publisher.Failure = new InvalidOperationException("SNS unavailable");

        // Act
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Handler().Handle(FixtureFiles.Stream("eventbridge-scheduled-coverage-check.json")));

        // Assert
        Assert.Contains("444455556666/ap-south-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(quiet, Assert.Single(signals.Unmarks).Signal);
        Assert.Null(Assert.Single(await signals.ListAsync(CancellationToken.None)).QuietAlertedAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("20000")]
    public void Parse_WhenTheWindowIsNotAValidNumberOfMinutes_ShouldNameTheVariable(string value)
    {
        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => CoverageWindow.Parse(value));

        // Assert
        Assert.Contains(CoverageWindow.Variable, error.Message, StringComparison.Ordinal);
    }

    private FunctionHandler Handler() =>
        new(TestSettings.Create(), new InMemorySuppressionSource(), claims, publisher, signals, Window, clock, telemetry.Output);
}
