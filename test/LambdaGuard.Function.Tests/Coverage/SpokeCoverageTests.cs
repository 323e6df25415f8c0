using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Coverage;
using LambdaGuard.Function.Settings;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing.Time;
using Moq;

namespace LambdaGuard.Function.Tests.Coverage;

public sealed class SpokeCoverageTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(4);

    private readonly Mock<ISpokeSignals> signals = new(MockBehavior.Strict);
    private readonly Mock<IAlertPublisher> publisher = new(MockBehavior.Strict);
    private readonly List<AlertMessage> published = [];
    private readonly TelemetryCapture telemetry = new();
    private readonly AutoAdvancingTimeProvider clock = new(TestSettings.Now);

    public SpokeCoverageTests() =>
        publisher.Setup(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .Callback<AlertMessage, DateTimeOffset?, CancellationToken>((m, _, _) => published.Add(m))
            .ReturnsAsync("message-1");

    [Fact]
    public async Task Handle_WhenASpokeHeartbeatArrives_ShouldRecordTheEnvelopesAccountAndRegionNotTheDetails()
    {
        // Arrange
        signals.Setup(s => s.RecordAsync("444455556666", "ap-south-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-spoke-heartbeat.json"));

        // Assert
        signals.Verify(s => s.RecordAsync("444455556666", "ap-south-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        signals.VerifyNoOtherCalls();
        publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_WhenAHeartbeatComesFromAnotherSource_ShouldNotRecordItAndReportTheInput()
    {
        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-spoke-heartbeat-foreign-source.json"));

        // Assert
        signals.VerifyNoOtherCalls();
        Assert.Equal(1, telemetry.Metric("Malformed"));
    }

    [Fact]
    public async Task Handle_WhenTheScheduledCheckFindsAQuietSpoke_ShouldPublishTheCoverageAlert()
    {
        // Arrange
        var quiet = new SpokeSignal("444455556666", "ap-south-1", TestSettings.Now.AddHours(-7));
        signals.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([quiet]);
        signals.Setup(s => s.TryMarkQuietAlertedAsync(quiet, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        // Act
        await Handler().Handle(FixtureFiles.Stream("eventbridge-scheduled-heartbeat.json"));

        // Assert
        var message = Assert.Single(published);
        Assert.Equal("COVERAGE", message.Attributes["ruleId"]);
        Assert.Contains("444455556666 ap-south-1", message.Subject, StringComparison.Ordinal);
        Assert.Equal(1, telemetry.Metric("Heartbeat"));
    }

    [Fact]
    public async Task Handle_WhenTheCoverageAlertCannotBePublished_ShouldThrowSoTheCheckIsRetried()
    {
        // Arrange
        var quiet = new SpokeSignal("444455556666", "ap-south-1", TestSettings.Now.AddHours(-7));
        signals.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([quiet]);
        signals.Setup(s => s.TryMarkQuietAlertedAsync(quiet, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        signals.Setup(s => s.UnmarkQuietAlertedAsync(quiet, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        publisher.Setup(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SNS unavailable"));

        // Act
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Handler().Handle(FixtureFiles.Stream("eventbridge-scheduled-heartbeat.json")));

        // Assert
        Assert.Contains("444455556666/ap-south-1", error.Message, StringComparison.Ordinal);
        signals.Verify(s => s.UnmarkQuietAlertedAsync(quiet, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
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

    private FunctionHandler Handler()
    {
        var suppressions = new Mock<ISuppressionSource>();
        suppressions.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<SuppressionEntry>());
        return new FunctionHandler(
            TestSettings.Create(), suppressions.Object, new Mock<IAlertClaims>(MockBehavior.Strict).Object, publisher.Object, signals.Object, Window, clock, telemetry.Output);
    }
}
