using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing.Fakes;

namespace LambdaGuard.Function.Tests;

public sealed class FunctionHandlerTests
{
    private const string UserUpdatesCode = "eventbridge-update-code-by-user.json";

    private static readonly string UserUpdatesCodeAlertId = AlertIds.For("a1b2c3d4-0000-4000-8000-000000000001", "123456789012", "eu-west-1", "LG001");

    [Fact]
    public async Task Handle_WhenHumanUpdatesCode_ShouldPublishOnceAndMarkTheClaimPublished()
    {
        // Arrange
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        var message = Assert.Single(harness.Published);
        Assert.StartsWith("LambdaGuard High LG001", message.Subject, StringComparison.Ordinal);
        Assert.Equal(new ClaimAttempt(message.AlertId, TestSettings.Now, TimeSpan.FromSeconds(40)), Assert.Single(harness.Claims.Attempts));
        var mark = Assert.Single(harness.Claims.Marks);
        Assert.Equal((message.AlertId, "token-1", "message-1"), (mark.AlertId, mark.ClaimToken, mark.MessageId));
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
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);
        var deadline = Assert.Single(harness.Publisher.Published).Deadline;

        // Assert: 30 s timeout, 3 s safety margin, so retries stop 27 s after the invocation started.
        Assert.NotNull(deadline);
        Assert.InRange(deadline.Value, TestSettings.Now.AddSeconds(26), TestSettings.Now.AddSeconds(27));
    }

    [Fact]
    public async Task Handle_WhenFindingMatchesSuppression_ShouldPublishNothingAndLogTheEntry()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Suppressions.Entries.Add(
            new SuppressionEntry { Id = "alice-hotfix", Reason = "hotfix window", ExpiresAt = TestSettings.Now.AddDays(1), Principal = "arn:aws:iam::123456789012:user/alice" });

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Empty(harness.Published);
        Assert.Empty(harness.Claims.Attempts);
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
        var harness = new HandlerHarness();
        harness.Suppressions.Entries.Add(
            new SuppressionEntry { Id = "alice-old", Reason = "old window", ExpiresAt = TestSettings.Now.AddMinutes(-1), Principal = "arn:aws:iam::123456789012:user/alice" });

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Single(harness.Published);
    }

    [Fact]
    public async Task Handle_WhenSuppressionStoreThrows_ShouldPublishMarkedSuppressionCheckUnavailable()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Suppressions.Failure = new HttpRequestException("connection refused");

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
        var harness = new HandlerHarness();
        harness.Claims.SeedPublished(UserUpdatesCodeAlertId, "earlier-message");

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
        var harness = new HandlerHarness();
        harness.Claims.SeedHeld(UserUpdatesCodeAlertId, TestSettings.Now.AddSeconds(20));

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
        var harness = new HandlerHarness();
        harness.Publisher.Failure = new InvalidOperationException("SNS said no");

        // Act
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => harness.HandleFixtureAsync(UserUpdatesCode));

        // Assert
        Assert.Contains("SNS said no", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Claims.Marks);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("failed", line.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Handle_WhenClaimsTableFails_ShouldStillPublishWithAWarning()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Claims.ClaimFailure = new HttpRequestException("connection refused");

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
        var harness = new HandlerHarness();
        harness.Claims.MarkFailure = new HttpRequestException("timeout");

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
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync("eventbridge-own-function-changed.json");

        // Assert
        var message = Assert.Single(harness.Published);
        Assert.Equal("LG010", message.Attributes["ruleId"]);
        Assert.Equal(0, harness.Suppressions.LoadCount);
        Assert.Equal("NotApplicable", Assert.Single(harness.Telemetry.RecordLines).GetProperty("suppressionCheck").GetString());
    }

    [Fact]
    public async Task Handle_WhenActorIsAutomation_ShouldLogNoFindingAndTouchNoPort()
    {
        // Arrange
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync("eventbridge-update-code-by-ci-role.json");

        // Assert
        Assert.Equal(0, harness.Suppressions.LoadCount);
        Assert.Empty(harness.Claims.Attempts);
        Assert.Equal(0, harness.Publisher.Attempts);
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
        var harness = new HandlerHarness();

        // Act
        var response = await harness.HandleAsync(Encoding.UTF8.GetBytes("{\"detail-type\": \"AWS API Call via CloudTrail\", \"detail\": {"));

        // Assert
        Assert.NotNull(response);
        var error = Assert.Single(harness.Telemetry.LogLines);
        Assert.Equal("ERROR", error.GetProperty("level").GetString());
        Assert.Equal("invocation payload", error.GetProperty("where").GetString());
        Assert.Contains("not a JSON object", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("Malformed"));
        Assert.Equal(0, harness.Publisher.Attempts);
    }

    [Fact]
    public async Task Handle_WhenDetailIsNotAnObject_ShouldNameTheEventAndCountMalformed()
    {
        // Arrange
        var harness = new HandlerHarness();

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
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync("eventbridge-lambda-record-without-identity-type.json");

        // Assert
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("malformed", line.GetProperty("outcome").GetString());
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("EventBridge event 9c5f4b3d-4e0a-4f4b-8d84-5a2e0f3b7d43#0", line.GetProperty("where").GetString());
        Assert.Contains("userIdentity.type", line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("Malformed"));
        Assert.Equal(0, harness.Publisher.Attempts);
    }

    [Fact]
    public async Task Handle_WhenScheduledEvent_ShouldRunTheCanaryThroughEveryPortAndEmitHeartbeat()
    {
        // Arrange
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync("eventbridge-scheduled-heartbeat.json");

        // Assert
        Assert.Equal(1, harness.Telemetry.Metric("Heartbeat"));
        var metrics = Assert.Single(harness.Telemetry.MetricDocuments);
        var declared = metrics.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString());
        Assert.Contains("Heartbeat", declared);
        Assert.Equal(1, harness.Suppressions.LoadCount);
        var canary = Assert.Single(harness.Published);
        Assert.Equal("true", canary.Attributes["canary"]);
        Assert.StartsWith("canary-", canary.AlertId, StringComparison.Ordinal);
        Assert.Equal(canary.AlertId, Assert.Single(harness.Claims.Marks).AlertId);
    }

    [Fact]
    public async Task Handle_WhenTheCanaryCannotPublish_ShouldThrowCountItAndEmitNoHeartbeat()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Publisher.Failure = new HttpRequestException("SNS unreachable");

        // Act
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => harness.HandleFixtureAsync("eventbridge-scheduled-heartbeat.json"));

        // Assert
        Assert.Contains("heartbeat canary failed: publish failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Telemetry.Metric("CanaryFailed"));
        Assert.Equal(0, harness.Telemetry.Metric("Heartbeat"));
    }

    [Fact]
    public async Task Handle_WhenTheCanaryCannotReadTheSuppressionTable_ShouldCountSuppressionCheckUnavailable()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Suppressions.Failure = new InvalidOperationException("table gone");

        // Act
        await Assert.ThrowsAsync<AlertDeliveryException>(() => harness.HandleFixtureAsync("eventbridge-scheduled-heartbeat.json"));

        // Assert
        Assert.Equal(1, harness.Telemetry.Metric("SuppressionCheckUnavailable"));
        Assert.Equal(0, harness.Telemetry.Metric("ClaimsUnavailable"));
        Assert.Single(harness.Published);
    }

    [Fact]
    public async Task Handle_WhenTablesFailDuringAFinding_ShouldCountSuppressionCheckAndClaimsUnavailable()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Suppressions.Failure = new InvalidOperationException("table gone");
        harness.Claims.ClaimFailure = new InvalidOperationException("claims gone");

        // Act
        await harness.HandleFixtureAsync("eventbridge-update-code-by-user.json");

        // Assert
        Assert.Single(harness.Published);
        Assert.Equal(1, harness.Telemetry.Metric("SuppressionCheckUnavailable"));
        Assert.Equal(1, harness.Telemetry.Metric("ClaimsUnavailable"));
        Assert.True(harness.Telemetry.RecordLines.Single().GetProperty("claimsUnavailable").GetBoolean());
    }

    [Fact]
    public async Task Handle_WhenSuppressionStreamBatch_ShouldPublishAnAuditPerChangeAndReportNoFailures()
    {
        // Arrange
        var harness = new HandlerHarness();

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
        Assert.Equal(0, harness.Suppressions.LoadCount);
    }

    [Fact]
    public async Task Handle_WhenAuditAlertCannotBePublished_ShouldReportThatRecordAsBatchItemFailure()
    {
        // Arrange
        var harness = new HandlerHarness();
        harness.Publisher.FailWhen = message => message.Attributes["severity"] == "Info" ? new InvalidOperationException("throttled") : null;

        // Act
        var response = await harness.HandleFixtureAsync("suppressions-stream-insert-and-remove.json");

        // Assert
        using var body = await JsonDocument.ParseAsync(response);
        var failure = Assert.Single(body.RootElement.GetProperty("batchItemFailures").EnumerateArray());
        Assert.Equal("111100000000000000002", failure.GetProperty("itemIdentifier").GetString());
    }

    [Fact]
    public async Task Handle_WhenAStreamBatchIsReinvokedRightAfterAFailedPublish_ShouldPublishTheFailedAuditOnceWithoutWaitingForTheLease()
    {
        // Arrange: Lambda re-invokes a stream batch at once; a held lease used to refuse it until it expired.
        var harness = new HandlerHarness();
        harness.Publisher.FailNext(new InvalidOperationException("throttled"));

        // Act
        var first = await harness.HandleFixtureAsync("suppressions-stream-insert-and-remove.json");
        var second = await harness.HandleFixtureAsync("suppressions-stream-insert-and-remove.json");

        // Assert
        using var failed = await JsonDocument.ParseAsync(first);
        Assert.Single(failed.RootElement.GetProperty("batchItemFailures").EnumerateArray());
        using var retried = await JsonDocument.ParseAsync(second);
        Assert.Equal(0, retried.RootElement.GetProperty("batchItemFailures").GetArrayLength());
        Assert.Equal(2, harness.Published.Count);
        Assert.Equal(["failed", "published", "malformed", "published", "duplicate", "malformed"], harness.Telemetry.RecordLines.Select(l => l.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Handle_WhenSecondEventArrivesWithinCacheWindow_ShouldLoadSuppressionsOnce()
    {
        // Arrange
        var harness = new HandlerHarness();

        // Act
        await harness.HandleFixtureAsync(UserUpdatesCode);
        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        await harness.HandleFixtureAsync(UserUpdatesCode);
        var loadsWithinWindow = harness.Suppressions.LoadCount;
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.HandleFixtureAsync(UserUpdatesCode);

        // Assert
        Assert.Equal(1, loadsWithinWindow);
        Assert.Equal(2, harness.Suppressions.LoadCount);
    }
}
