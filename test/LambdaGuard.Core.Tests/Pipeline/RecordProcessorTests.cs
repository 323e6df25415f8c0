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
    public async Task ProcessAsync_WhenAnEarlierPublishFailed_ShouldLetTheRetryPublishAfterTheLease()
    {
        // Arrange
        var processor = CreateProcessor();
        var record = HumanUpdatesCode();
        publisher.FailNext(new HttpRequestException("SNS unreachable"));

        // Act
        var failed = await processor.ProcessAsync(record, new RecordLocation("delivery-1", 0), Now.AddSeconds(30), CancellationToken.None);
        var tooEarly = await processor.ProcessAsync(record, new RecordLocation("delivery-2", 0), Now.AddSeconds(30), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(41));
        var retried = await processor.ProcessAsync(record, new RecordLocation("delivery-3", 0), Now.AddSeconds(90), CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.PublishFailed, failed.Kind);
        Assert.True(failed.RequiresRetry);
        Assert.Equal(RecordOutcomeKind.InProgress, tooEarly.Kind);
        Assert.Equal(RecordOutcomeKind.Published, retried.Kind);
        Assert.Single(publisher.Published);
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

    private RecordProcessor CreateProcessor() => new(new RecordProcessorOptions(), suppressions, claims, publisher, clock);

    private static CloudTrailRecord HumanUpdatesCode() => Fixtures.Parse("""
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
         "eventTime":"2026-11-20T11:59:00Z","eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1",
         "requestParameters":{"functionName":"orders-api"},"eventID":"11111111-2222-4333-8444-555555555555","readOnly":false,"recipientAccountId":"123456789012"}
        """);
}
