using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Processing;
using LambdaGuard.Function.Tests.Support;
using Moq;

namespace LambdaGuard.Function.Tests;

public sealed class FunctionHandlerTests
{
    private const string UserUpdatesCode = "eventbridge-update-code-by-user.json";

    [Fact]
    public async Task Handle_WhenHumanUpdatesCode_ShouldPublishOnceAndMarkTheClaimPublished()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        var message = Assert.Single(harness.Published);
        Assert.StartsWith("LambdaGuard High LG001", message.Subject, StringComparison.Ordinal);
        harness.Claims.Verify(c => c.TryClaimAsync(message.AlertId, TestSettings.Now, TimeSpan.FromSeconds(40), It.IsAny<CancellationToken>()), Times.Once);
        harness.Claims.Verify(c => c.MarkPublishedAsync(message.AlertId, "token-1", "message-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.Equal("Finding", line.GetProperty("decision").GetString());
        Assert.Equal("LG001", line.GetProperty("ruleId").GetString());
        Assert.Equal("Human", line.GetProperty("actorClass").GetString());
        Assert.Equal("Checked", line.GetProperty("suppressionCheck").GetString());
        Assert.Equal(message.AlertId, line.GetProperty("alertId").GetString());
        Assert.Equal("message-1", line.GetProperty("messageId").GetString());
        Assert.Equal(30, line.GetProperty("lagSeconds").GetDouble());
        Assert.Equal(1, harness.Telemetry.Metric("Published"));
        Assert.Equal(1, harness.Telemetry.Metric("Findings"));
        Assert.Equal(1, harness.Telemetry.Metric("Processed"));
        Assert.Equal(1, harness.Telemetry.Metric("IngestLagSeconds"));
    }

    [Fact]
    public async Task Handle_WhenPublishing_ShouldGiveThePublisherADeadlineInsideTheFunctionTimeout()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();
        DateTimeOffset? deadline = null;
        harness.Publisher.Setup(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .Callback<AlertMessage, DateTimeOffset?, CancellationToken>((_, given, _) => deadline = given)
            .ReturnsAsync("message-1");

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert: 30 s timeout, 3 s safety margin, so retries stop 27 s after the invocation started.
        Assert.NotNull(deadline);
        Assert.InRange(deadline.Value, TestSettings.Now.AddSeconds(26), TestSettings.Now.AddSeconds(27));
    }

    [Fact]
    public async Task Handle_WhenFindingMatchesSuppression_ShouldPublishNothingAndLogTheEntry()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Suppressions.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new SuppressionEntry { Id = "alice-hotfix", Reason = "hotfix window", ExpiresAt = TestSettings.Now.AddDays(1), Principal = "arn:aws:iam::123456789012:user/alice" },
        ]);

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Empty(harness.Published);
        harness.Claims.VerifyNoOtherCalls();
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("suppressed", line.GetProperty("outcome").GetString());
        Assert.Equal("alice-hotfix", line.GetProperty("suppressionId").GetString());
        Assert.Equal(1, harness.Telemetry.Metric("Suppressed"));
        Assert.Equal(1, harness.Telemetry.Metric("Findings"));
        Assert.Equal(0, harness.Telemetry.Metric("Published"));
    }

    [Fact]
    public async Task Handle_WhenMatchingSuppressionHasExpired_ShouldPublish()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();
        harness.Suppressions.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new SuppressionEntry { Id = "alice-old", Reason = "old window", ExpiresAt = TestSettings.Now.AddMinutes(-1), Principal = "arn:aws:iam::123456789012:user/alice" },
        ]);

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Single(harness.Published);
    }

    [Fact]
    public async Task Handle_WhenSuppressionStoreThrows_ShouldPublishMarkedSuppressionCheckUnavailable()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();
        harness.Suppressions.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection refused"));

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        var message = Assert.Single(harness.Published);
        using var structure = JsonDocument.Parse(message.Message);
        Assert.Contains("Suppression check unavailable", structure.RootElement.GetProperty("default").GetString(), StringComparison.Ordinal);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("WARN", line.GetProperty("level").GetString());
        Assert.Equal("Unavailable", line.GetProperty("suppressionCheck").GetString());
        Assert.Contains("connection refused", line.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenAlertAlreadyPublished_ShouldPublishNothingAndCountDuplicate()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Claims.Setup(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClaimOutcome(ClaimStatus.AlreadyPublished, MessageId: "earlier-message"));

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Empty(harness.Published);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("duplicate", line.GetProperty("outcome").GetString());
        Assert.Equal("earlier-message", line.GetProperty("messageId").GetString());
        Assert.Equal(1, harness.Telemetry.Metric("Duplicates"));
    }

    [Fact]
    public async Task Handle_WhenAnotherDeliveryHoldsTheClaim_ShouldThrowSoTheEventIsRetried()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Claims.Setup(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClaimOutcome(ClaimStatus.InProgress, LeaseUntil: TestSettings.Now.AddSeconds(20)));

        // Act
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => harness.HandleFixtureAsync(UserUpdatesCode));

        // Assert
        Assert.Contains("another delivery holds the claim", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Published);
        Assert.Equal("in-progress", Assert.Single(harness.Telemetry.RecordLines).GetProperty("outcome").GetString());
        Assert.Equal(1, harness.Telemetry.Metric("Processed"));
    }

    [Fact]
    public async Task Handle_WhenPublishFails_ShouldThrowAndLeaveTheClaimUnpublished()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Publisher.Setup(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SNS said no"));

        // Act
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => harness.HandleFixtureAsync(UserUpdatesCode));

        // Assert
        Assert.Contains("SNS said no", error.Message, StringComparison.Ordinal);
        harness.Claims.Verify(c => c.MarkPublishedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("publish-failed", line.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Handle_WhenClaimsTableFails_ShouldStillPublishWithAWarning()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Claims.Setup(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Single(harness.Published);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.Contains("alert claims unavailable", line.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WhenMarkPublishedFails_ShouldNotThrowBecauseTheAlertIsOut()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.Claims.Setup(c => c.MarkPublishedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("timeout"));

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Single(harness.Published);
        Assert.Equal("WARN", Assert.Single(harness.Telemetry.RecordLines).GetProperty("level").GetString());
    }

    [Fact]
    public async Task Handle_WhenOwnFunctionChanged_ShouldPublishWithoutConsultingSuppressions()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();

        // Act
        await harness.HandleFixtureAsync("eventbridge-own-function-changed.json");

        // Assert
        var message = Assert.Single(harness.Published);
        Assert.Equal("LG010", message.Attributes["ruleId"]);
        harness.Suppressions.Verify(s => s.LoadAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal("NotApplicable", Assert.Single(harness.Telemetry.RecordLines).GetProperty("suppressionCheck").GetString());
    }

    [Fact]
    public async Task Handle_WhenActorIsAutomation_ShouldLogNoFindingAndTouchNoPort()
    {
        // Arrange
        var harness = new MockedHandler();

        // Act
        await harness.HandleFixtureAsync("eventbridge-update-code-by-ci-role.json");

        // Assert
        harness.Suppressions.VerifyNoOtherCalls();
        harness.Claims.VerifyNoOtherCalls();
        harness.Publisher.VerifyNoOtherCalls();
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("no-finding", line.GetProperty("outcome").GetString());
        Assert.Equal("ActorNotAlerted", line.GetProperty("decision").GetString());
        Assert.Equal("Automation", line.GetProperty("actorClass").GetString());
        Assert.Equal(0, harness.Telemetry.Metric("Findings"));
    }

    [Fact]
    public async Task Handle_WhenPayloadIsNotJson_ShouldNotThrowAndCountMalformed()
    {
        // Arrange
        var harness = new MockedHandler();

        // Act
        var response = await harness.HandleAsync(Encoding.UTF8.GetBytes("{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": {"));

        // Assert
        Assert.NotNull(response);
        var error = Assert.Single(harness.Telemetry.LogLines);
        Assert.Equal("ERROR", error.GetProperty("level").GetString());
        Assert.Equal("invocation payload", error.GetProperty("where").GetString());
        Assert.Contains("not a JSON object", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("Malformed"));
        harness.Publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_WhenDetailIsNotAnObject_ShouldNameTheEventAndCountMalformed()
    {
        // Arrange
        var harness = new MockedHandler();

        // Act
        await harness.HandleFixtureAsync("eventbridge-detail-not-an-object.json");

        // Assert
        var error = Assert.Single(harness.Telemetry.LogLines);
        Assert.Equal("EventBridge event 0d6a5c4e-5f1b-4a5c-9e95-6b3f1a4c8e54", error.GetProperty("where").GetString());
        Assert.Contains("detail is a string", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("Malformed"));
    }

    [Fact]
    public async Task Handle_WhenLambdaRecordHasNoIdentityType_ShouldLogMalformedRecordWithoutThrowing()
    {
        // Arrange
        var harness = new MockedHandler();

        // Act
        await harness.HandleFixtureAsync("eventbridge-lambda-record-without-identity-type.json");

        // Assert
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("malformed", line.GetProperty("outcome").GetString());
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("EventBridge event 9c5f4b3d-4e0a-4f4b-8d84-5a2e0f3b7d43#0", line.GetProperty("where").GetString());
        Assert.Contains("userIdentity.type", line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("Malformed"));
        harness.Publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_WhenScheduledEvent_ShouldEmitHeartbeatMetric()
    {
        // Arrange
        var harness = new MockedHandler();

        // Act
        await harness.HandleFixtureAsync("eventbridge-scheduled-heartbeat.json");

        // Assert
        Assert.Equal(1, harness.Telemetry.Metric("Heartbeat"));
        var metrics = Assert.Single(harness.Telemetry.MetricDocuments);
        var declared = metrics.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString());
        Assert.Contains("Heartbeat", declared);
        harness.Publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_WhenSuppressionStreamBatch_ShouldPublishAnAuditPerChangeAndReportNoFailures()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();

        // Act
        var response = await harness.HandleFixtureAsync("suppressions-stream-insert-and-remove.json");

        // Assert
        using var body = await JsonDocument.ParseAsync(response);
        Assert.Equal(0, body.RootElement.GetProperty("batchItemFailures").GetArrayLength());
        Assert.Equal(2, harness.Published.Count);
        Assert.All(harness.Published, m => Assert.Equal("LG011", m.Attributes["ruleId"]));
        Assert.Equal("High", harness.Published[0].Attributes["severity"]);
        Assert.Equal("AddSuppression", harness.Published[0].Attributes["api"]);
        Assert.Equal("123456789012", harness.Published[0].Attributes["account"]);
        Assert.Equal("Info", harness.Published[1].Attributes["severity"]);
        var lines = harness.Telemetry.RecordLines;
        Assert.Equal(["published", "published", "malformed"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Contains("TRUNCATE", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        harness.Suppressions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_WhenAuditAlertCannotBePublished_ShouldReportThatRecordAsBatchItemFailure()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();
        harness.Publisher.SetupSequence(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("message-1")
            .ThrowsAsync(new InvalidOperationException("throttled"));

        // Act
        var response = await harness.HandleFixtureAsync("suppressions-stream-insert-and-remove.json");

        // Assert
        using var body = await JsonDocument.ParseAsync(response);
        var failure = Assert.Single(body.RootElement.GetProperty("batchItemFailures").EnumerateArray());
        Assert.Equal("111100000000000000002", failure.GetProperty("itemIdentifier").GetString());
    }

    [Fact]
    public async Task Handle_WhenSecondEventArrivesWithinCacheWindow_ShouldLoadSuppressionsOnce()
    {
        // Arrange
        var harness = new MockedHandler();
        harness.AllowMarkPublished();

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);
        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        await harness.HandleFixtureAsync(UserUpdatesCode);
        var loadsWithinWindow = harness.Suppressions.Invocations.Count;
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Equal(1, loadsWithinWindow);
        Assert.Equal(2, harness.Suppressions.Invocations.Count);
    }
}
