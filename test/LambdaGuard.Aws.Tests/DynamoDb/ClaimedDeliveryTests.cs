using Amazon.DynamoDBv2;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Fakes;

namespace LambdaGuard.Aws.Tests.DynamoDb;

/// <summary>The pipeline's effectively-once delivery on the real claims adapter (dynalite): what a subscriber
/// sees when SNS fails and recovers.</summary>
[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class ClaimedDeliveryTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private readonly AmazonDynamoDBClient client = DynaliteClients.Create(dynalite);
    private readonly RecordingAlertPublisher publisher = new();
    private DynamoDbAlertClaims claims = null!;

    public async Task InitializeAsync() => claims = new DynamoDbAlertClaims(client, await DynaliteClients.NewClaimsTableAsync(client));

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ProcessAsync_WhenSnsFailsThenRecoversWithinTheLease_ShouldPublishExactlyOnce()
    {
        // Arrange: a 300 s lease, as with a 290 s function timeout; the retry comes 1 s later, well inside it.
        var processor = new RecordProcessor(
            new RecordProcessorOptions { ClaimLease = TimeSpan.FromSeconds(300) }, new InMemorySuppressionSource(), claims, publisher);
        var record = HumanUpdatesCode();
        publisher.FailNext(new HttpRequestException("SNS unreachable"));

        // Act
        var failed = await processor.ProcessAsync(record, new RecordLocation("delivery-1", 0), Deadline(), CancellationToken.None);
        var retried = await processor.ProcessAsync(record, new RecordLocation("delivery-2", 0), Deadline(), CancellationToken.None);
        var duplicate = await processor.ProcessAsync(record, new RecordLocation("delivery-3", 0), Deadline(), CancellationToken.None);

        // Assert
        Assert.Equal(RecordOutcomeKind.PublishFailed, failed.Kind);
        Assert.Equal(RecordOutcomeKind.Published, retried.Kind);
        Assert.Equal(RecordOutcomeKind.Duplicate, duplicate.Kind);
        Assert.Equal(retried.MessageId, duplicate.MessageId);
        Assert.Single(publisher.Published);
        Assert.Equal("PUBLISHED", (await claims.GetAsync(retried.AlertId!, CancellationToken.None))?.Status);
    }

    private static DateTimeOffset Deadline() => DateTimeOffset.UtcNow.AddSeconds(30);

    private static CloudTrailRecord HumanUpdatesCode()
    {
        var json = """
            {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
             "eventTime":"2026-11-20T11:59:00Z","eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1",
             "requestParameters":{"functionName":"orders-api"},"eventID":"aaaaaaaa-2222-4333-8444-555555555555","readOnly":false,"recipientAccountId":"123456789012"}
            """u8.ToArray();
        var item = new CloudTrailReader().Read(json, "fixture", new ReadCounters()).Single();
        return item.Record!;
    }
}
