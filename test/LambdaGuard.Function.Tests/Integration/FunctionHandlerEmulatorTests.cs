using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Http;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Function.Tests.Integration;

/// <summary>The handler over the real adapters against dynalite (both tables) and fauxqs (topic with an SQS
/// queue subscribed). fauxqs ignores MessageStructure: the subscriber's Message is the whole structure
/// document, whose "sqs" member is what real SNS would deliver.</summary>
[Collection(EmulatorCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FunctionHandlerEmulatorTests(DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    private const string UserUpdatesCode = "eventbridge-update-code-by-user.json";

    [Fact]
    public async Task Handle_WhenSameEventDeliveredTwice_ShouldDeliverOneAlertToTheSubscriber()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        var handler = harness.Handler(fauxqs.ServiceUrl);

        // Act
        await handler.Handle(FixtureFiles.Stream(UserUpdatesCode));
        await handler.Handle(FixtureFiles.Stream(UserUpdatesCode));
        await harness.Handler(fauxqs.ServiceUrl).Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        var delivered = Assert.Single(await harness.ReceiveAllAsync());
        var outcomes = harness.Telemetry.RecordLines.Select(l => l.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["published", "duplicate", "duplicate"], outcomes);
        Assert.All(harness.Telemetry.RecordLines.Skip(1), l => Assert.Equal(delivered.GetProperty("MessageId").GetString(), l.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task Handle_WhenTableHoldsMatchingSuppression_ShouldDeliverNothing()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        await harness.Suppressions.AddAsync(
            new SuppressionEntry { Id = "payments-hotfix", Reason = "hotfix window", ExpiresAt = DateTimeOffset.UtcNow.AddDays(1), Function = "payments-*", RuleId = "LG001" },
            CancellationToken.None);

        // Act
        await harness.Handler(fauxqs.ServiceUrl).Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        Assert.Empty(await harness.ReceiveAllAsync());
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("suppressed", line.GetProperty("outcome").GetString());
        Assert.Equal("payments-hotfix", line.GetProperty("suppressionId").GetString());
    }

    [Fact]
    public async Task Handle_WhenMatchingSuppressionExpiredButNotYetDeleted_ShouldDeliverTheAlert()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        await harness.Suppressions.AddAsync(
            new SuppressionEntry { Id = "payments-old", Reason = "last week's window", ExpiresAt = DateTimeOffset.UtcNow.AddHours(-1), Function = "payments-*" },
            CancellationToken.None);

        // Act
        await harness.Handler(fauxqs.ServiceUrl).Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        Assert.Single(await harness.ReceiveAllAsync());
        Assert.Equal("Checked", Assert.Single(harness.Telemetry.RecordLines).GetProperty("suppressionCheck").GetString());
    }

    [Fact]
    public async Task Handle_WhenDynamoDbIsUnreachable_ShouldStillDeliverTheAlertMarkedUnchecked()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        using var unreachable = EmulatorHarness.DynamoDbClient(EmulatorHarness.ClosedPortUrl());
        var handler = harness.Handler(
            fauxqs.ServiceUrl,
            suppressions: new Aws.DynamoDb.DynamoDbSuppressionStore(unreachable, harness.SuppressionsTable),
            claims: new Aws.DynamoDb.DynamoDbAlertClaims(unreachable, harness.ClaimsTable));

        // Act
        await handler.Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        var delivered = Assert.Single(await harness.ReceiveAllAsync());
        using var structure = JsonDocument.Parse(delivered.GetProperty("Message").GetString()!);
        Assert.Contains("Suppression check unavailable", structure.RootElement.GetProperty("default").GetString(), StringComparison.Ordinal);
        using var alert = JsonDocument.Parse(structure.RootElement.GetProperty("sqs").GetString()!);
        Assert.Equal("unavailable", alert.RootElement.GetProperty("suppressionCheck").GetString(), ignoreCase: true);
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.Equal(2, line.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Handle_WhenDynamoDbAcceptsConnectionsAndNeverAnswers_ShouldPublishWithinTheBudgetsAndCountBothOutages()
    {
        // Arrange: the case (a handler that threw after 42.6 s having sent nothing).
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        using var blackHole = BlackHoleEndpoint.Start();
        using var silent = EmulatorHarness.DynamoDbClient(blackHole.Url);
        var handler = harness.Handler(
            fauxqs.ServiceUrl,
            suppressions: new Aws.DynamoDb.DynamoDbSuppressionStore(silent, harness.SuppressionsTable),
            claims: new Aws.DynamoDb.DynamoDbAlertClaims(silent, harness.ClaimsTable));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        await handler.Handle(FixtureFiles.Stream(UserUpdatesCode));
        var elapsed = clock.Elapsed;

        // Assert: 2 s for the lookup, 2 s for the claim, then the publish; well inside a 30 s timeout.
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.TotalSeconds:0.0} s");
        Assert.Single(await harness.ReceiveAllAsync());
        var line = Assert.Single(harness.Telemetry.RecordLines);
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.True(line.GetProperty("claimsUnavailable").GetBoolean());
        Assert.Equal(1, harness.Telemetry.Metric("SuppressionCheckUnavailable"));
        Assert.Equal(1, harness.Telemetry.Metric("ClaimsUnavailable"));
    }

    [Fact]
    public async Task Handle_WhenSnsKeepsThrottling_ShouldRetryThenThrowAndLetARedeliveryPublishAfterTheLease()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        await using var sns = LoopbackHttpStub.Start();
        sns.Fallback = _ => StubResponse.SnsError(400, "Throttling", "Rate exceeded");
        var clock = new AutoAdvancingTimeProvider(DateTimeOffset.UtcNow);
        var publisher = new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = harness.TopicArn, ServiceUrl = sns.BaseUrl }, handler: null, clock);
        var handler = harness.Handler(sns.BaseUrl, time: clock, publisher: publisher);

        // Act
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => handler.Handle(FixtureFiles.Stream(UserUpdatesCode)));
        var throttledAttempts = sns.Requests.Count;
        var alertId = harness.Telemetry.RecordLines[0].GetProperty("alertId").GetString()!;
        var pending = await harness.Claims.GetAsync(alertId, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(41));
        sns.Enqueue(StubResponse.SnsPublished("after-retry"));
        await handler.Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        Assert.Contains("Throttling", error.Message, StringComparison.Ordinal);
        Assert.True(throttledAttempts > 1, $"expected retries, saw {throttledAttempts} request(s)");
        Assert.Equal("PENDING", pending?.Status);
        Assert.Equal("published", harness.Telemetry.RecordLines[1].GetProperty("outcome").GetString());
        var published = await harness.Claims.GetAsync(alertId, CancellationToken.None);
        Assert.Equal(("PUBLISHED", "after-retry"), (published?.Status, published?.MessageId));
    }

    [Fact]
    public async Task Handle_WhenPublishing_ShouldSendPublishWithMessageStructureJsonForEveryProtocol()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        await using var sns = LoopbackHttpStub.Start();
        sns.Enqueue(StubResponse.SnsPublished("captured-1"));

        // Act
        await harness.Handler(sns.BaseUrl).Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        var form = Assert.Single(sns.Requests).Form();
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("json", form["MessageStructure"]);
        Assert.Equal(harness.TopicArn, form["TopicArn"]);
        using var structure = JsonDocument.Parse(form["Message"]);
        foreach (var protocol in new[] { "default", "email", "sqs", "lambda", "firehose", "email-json", "https" })
        {
            Assert.Equal(JsonValueKind.String, structure.RootElement.GetProperty(protocol).ValueKind);
        }
    }

    [Fact]
    public async Task Handle_WhenAlertDelivered_ShouldCarryTheSpecifiedSubjectAndMessageAttributes()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);

        // Act
        await harness.Handler(fauxqs.ServiceUrl).Handle(FixtureFiles.Stream(UserUpdatesCode));

        // Assert
        var delivered = Assert.Single(await harness.ReceiveAllAsync());
        var subject = delivered.GetProperty("Subject").GetString()!;
        Assert.StartsWith("LambdaGuard High LG001: ", subject, StringComparison.Ordinal);
        Assert.EndsWith("(payments-api)", subject, StringComparison.Ordinal);
        Assert.True(subject.Length < 100);
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
        var attributes = delivered.GetProperty("MessageAttributes");
        var expected = new Dictionary<string, string>
        {
            ["severity"] = "High",
            ["ruleId"] = "LG001",
            ["api"] = "UpdateFunctionCode",
            ["account"] = "123456789012",
            ["actorClass"] = "Human",
        };
        foreach (var (name, value) in expected)
        {
            Assert.Equal("String", attributes.GetProperty(name).GetProperty("Type").GetString());
            Assert.Equal(value, attributes.GetProperty(name).GetProperty("Value").GetString());
        }

        using var structure = JsonDocument.Parse(delivered.GetProperty("Message").GetString()!);
        using var alert = JsonDocument.Parse(structure.RootElement.GetProperty("sqs").GetString()!);
        Assert.Equal("lambdaguard.alert/v1", alert.RootElement.GetProperty("schema").GetString());
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", alert.RootElement.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Handle_When250KbEvent_ShouldDeliverAnEnvelopeUnderTheSnsLimitWithTheFactsKept()
    {
        // Arrange
        await using var harness = await EmulatorHarness.StartAsync(dynalite, fauxqs);
        var envelope = JsonNode.Parse(FixtureFiles.Text(UserUpdatesCode))!;
        envelope["detail"]!["requestParameters"]!["environment"] = new JsonObject
        {
            ["variables"] = new JsonObject { ["PADDING"] = new string('x', 250 * 1024) },
        };
        var payload = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        Assert.True(payload.Length > 250 * 1024);

        // Act
        await harness.Handler(fauxqs.ServiceUrl).Handle(new MemoryStream(payload));

        // Assert
        var delivered = Assert.Single(await harness.ReceiveAllAsync());
        var message = delivered.GetProperty("Message").GetString()!;
        var subject = delivered.GetProperty("Subject").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(message) + Encoding.UTF8.GetByteCount(subject) < AlertEnvelope.MaxEnvelopeBytes);
        using var structure = JsonDocument.Parse(message);
        using var alert = JsonDocument.Parse(structure.RootElement.GetProperty("sqs").GetString()!);
        Assert.Equal("LG001", alert.RootElement.GetProperty("ruleId").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", alert.RootElement.GetProperty("actor").GetProperty("principal").GetString());
        Assert.Equal("payments-api", alert.RootElement.GetProperty("functionName").GetString());
    }
}
