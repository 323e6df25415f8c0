using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Tests.Support;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Core.Tests.Pipeline;

/// <summary>The pipeline on the in-memory ports: what one record does to the suppression list, the claims
/// and the topic. (The function's and replay's own tests cover their envelopes and output.)</summary>
public sealed class RecordProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemorySuppressionSource suppressions = new();
    private readonly InMemoryAlertClaims claims = new();
    private readonly RecordingAlertPublisher publisher = new();
    private readonly AutoAdvancingTimeProvider clock = new(Now);

    [Fact]
    public async Task ProcessAsync_WhenTheSameEventIsDeliveredTwice_ShouldPublishOnceAndReportTheDuplicate()
    {
        // Arrange
        var processor = CreateProcessor();
        var record = HumanUpdatesCode();

        // Act
        var first = await processor.ProcessAsync(record, new RecordLocation("delivery-1", 0), Now.AddSeconds(30), CancellationToken.None);
        var second = await processor.ProcessAsync(record, new RecordLocation("delivery-2", 0), Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.Published, first.Kind);
        Assert.Equal(RecordOutcomeKind.Duplicate, second.Kind);
        Assert.Equal("message-1", second.MessageId);
        Assert.Single(publisher.Published);
    }

    [Fact]
    public async Task ProcessAsync_WhenAnEarlierPublishFailed_ShouldReleaseTheClaimSoTheImmediateRetryPublishes()
    {
        // Arrange
        var processor = CreateProcessor();
        var record = HumanUpdatesCode();
        publisher.FailNext(new HttpRequestException("SNS unreachable"));

        // Act
        var failed = await processor.ProcessAsync(record, new RecordLocation("delivery-1", 0), Now.AddSeconds(30), CancellationToken.None);
        var retried = await processor.ProcessAsync(record, new RecordLocation("delivery-2", 0), Now.AddSeconds(30), CancellationToken.None);
        var again = await processor.ProcessAsync(record, new RecordLocation("delivery-3", 0), Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.PublishFailed, failed.Kind);
        Assert.True(failed.RequiresRetry);
        Assert.Equal((failed.AlertId!, "token-1", true), Assert.Single(claims.Releases));
        Assert.Equal(RecordOutcomeKind.Published, retried.Kind);
        Assert.Equal(RecordOutcomeKind.Duplicate, again.Kind);
        Assert.Single(publisher.Published);
    }

    [Fact]
    public async Task ProcessAsync_WhenAnotherDeliveryHoldsALiveClaim_ShouldAskForARetryWithoutPublishingOrReleasingIt()
    {
        // Arrange
        var processor = CreateProcessor();
        var record = HumanUpdatesCode();
        var alertId = (await CreateProcessor().ProcessAsync(record, new RecordLocation("probe", 0), Now.AddSeconds(30), CancellationToken.None)).AlertId!;
        var held = new InMemoryAlertClaims();
        held.SeedHeld(alertId, Now.AddMinutes(5));
        var blocked = new RecordProcessor(new RecordProcessorOptions(), suppressions, held, publisher, clock);

        // Act
        var outcome = await blocked.ProcessAsync(record, new RecordLocation("delivery-2", 0), Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.InProgress, outcome.Kind);
        Assert.Empty(held.Releases);
        Assert.True(held.Holds(alertId));
    }

    [Fact]
    public async Task ProcessAsync_WhenTheSuppressionTableNeverAnswers_ShouldPublishWithinTheBudgetMarkedUnchecked()
    {
        // Arrange
        suppressions.Unresponsive = true;
        var processor = CreateProcessor(new RecordProcessorOptions { SuppressionBudget = TimeSpan.FromMilliseconds(200) });

        // Act
        var outcome = await processor.ProcessAsync(HumanUpdatesCode(), new RecordLocation("slow", 0), Now.AddSeconds(30), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(RecordOutcomeKind.Published, outcome.Kind);
        Assert.Equal(LambdaGuard.Core.Alerts.SuppressionCheck.Unavailable, outcome.SuppressionCheck);
        Assert.Contains(outcome.Warnings, w => w.Contains("suppression list unavailable", StringComparison.Ordinal) && w.Contains("no answer within 0.2 s", StringComparison.Ordinal));
        Assert.Contains("Suppression check unavailable", publisher.Messages.Single().Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProcessAsync_WhenTheClaimsTableNeverAnswers_ShouldPublishWithoutAClaimAndSaySo()
    {
        // Arrange
        claims.Unresponsive = true;
        var processor = CreateProcessor(new RecordProcessorOptions { ClaimBudget = TimeSpan.FromMilliseconds(200) });

        // Act
        var outcome = await processor.ProcessAsync(HumanUpdatesCode(), new RecordLocation("slow", 0), Now.AddSeconds(30), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(RecordOutcomeKind.Published, outcome.Kind);
        Assert.True(outcome.ClaimsUnavailable);
        Assert.Contains(outcome.Warnings, w => w.Contains("at-least-once", StringComparison.Ordinal));
        Assert.Single(publisher.Published);
        Assert.Empty(claims.Marks);
    }

    [Fact]
    public async Task ProcessAsync_WhenPublishing_ShouldKeepTheMarkPublishedReserveFreeBeforeTheDeadline()
    {
        // Arrange
        var processor = CreateProcessor(new RecordProcessorOptions { MarkPublishedReserve = TimeSpan.FromSeconds(3) });

        // Act
        await processor.ProcessAsync(HumanUpdatesCode(), new RecordLocation("d", 0), Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.Equal(Now.AddSeconds(27), publisher.Published.Single().Deadline);
    }

    [Fact]
    public async Task RunCanaryAsync_WhenEveryPortAnswers_ShouldClaimPublishAndMarkATaggedCanary()
    {
        // Arrange
        var processor = CreateProcessor();

        // Act
        var canary = await processor.RunCanaryAsync("canary-1", Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.True(canary.Passed, string.Join("; ", canary.Problems));
        var sent = publisher.Messages.Single();
        Assert.Equal("true", sent.Attributes[CanaryMessage.AttributeName]);
        Assert.Equal("canary-1", sent.AlertId);
        Assert.Equal(1, suppressions.LoadCount);
        Assert.Equal(("canary-1", canary.MessageId), (claims.Marks.Single().AlertId, claims.Marks.Single().MessageId));
        Assert.False(canary.SuppressionsFailed);
        Assert.False(canary.ClaimsFailed);
    }

    [Fact]
    public async Task RunCanaryAsync_WhenItsIdIsAlreadyPublished_ShouldReportTheClaimStepForTheClaimsMetric()
    {
        // Arrange
        var processor = CreateProcessor();
        await processor.RunCanaryAsync("canary-3", Now.AddSeconds(30), CancellationToken.None);

        // Act
        var again = await processor.RunCanaryAsync("canary-3", Now.AddSeconds(30), CancellationToken.None);

        // Assert
        Assert.False(again.Passed);
        Assert.StartsWith("claim failed: the canary id canary-3 is already", Assert.Single(again.Problems), StringComparison.Ordinal);
        Assert.True(again.ClaimsFailed);
        Assert.False(again.SuppressionsFailed);
    }

    [Fact]
    public async Task RunCanaryAsync_WhenTheSuppressionTableNeverAnswers_ShouldStillPublishAndReportTheTableStep()
    {
        // Arrange
        suppressions.Unresponsive = true;
        var processor = CreateProcessor(new RecordProcessorOptions { SuppressionBudget = TimeSpan.FromMilliseconds(200) });

        // Act
        var canary = await processor.RunCanaryAsync("canary-2", Now.AddSeconds(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.False(canary.Passed);
        Assert.StartsWith("suppression table read failed", Assert.Single(canary.Problems), StringComparison.Ordinal);
        Assert.Single(publisher.Published);
        Assert.True(canary.SuppressionsFailed);
        Assert.False(canary.ClaimsFailed);
    }

    [Fact]
    public async Task ProcessAsync_WhenTheDeadlineHasPassed_ShouldNeitherClaimNorPublish()
    {
        // Arrange
        var processor = CreateProcessor();

        // Act
        var outcome = await processor.ProcessAsync(HumanUpdatesCode(), new RecordLocation("late", 0), Now, CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.PublishFailed, outcome.Kind);
        Assert.Empty(claims.Attempts);
        Assert.Equal(0, publisher.Attempts);
    }

    private RecordProcessor CreateProcessor(RecordProcessorOptions? options = null) => new(options ?? new RecordProcessorOptions(), suppressions, claims, publisher, clock);

    private static CloudTrailRecord HumanUpdatesCode() => Fixtures.Parse("""
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
         "eventTime":"2026-11-20T11:59:00Z","eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1",
         "requestParameters":{"functionName":"orders-api"},"eventID":"11111111-2222-4333-8444-555555555555","readOnly":false,"recipientAccountId":"123456789012"}
        """);
}
