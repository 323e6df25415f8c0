using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Ports;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class DynamoDbAlertClaimsTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 15, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly AmazonDynamoDBClient client = DynaliteClients.Create(dynalite);
    private DynamoDbAlertClaims claims = null!;
    private string table = null!;

    public async Task InitializeAsync()
    {
        table = await DynaliteClients.NewClaimsTableAsync(client);
        claims = new DynamoDbAlertClaims(client, table);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TryClaimAsync_WhenFirstDelivery_ShouldClaimWithTokenLeaseAndTtl()
    {
        // Act
        var outcome = await claims.TryClaimAsync("alert-1", Now, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.Claimed, outcome.Status);
        Assert.False(string.IsNullOrEmpty(outcome.ClaimToken));
        Assert.Equal(Now + Lease, outcome.LeaseUntil);
        var item = await RawAsync("alert-1");
        Assert.Equal("PENDING", item["status"].S);
        Assert.Equal(outcome.ClaimToken, item["claimToken"].S);
        Assert.Equal((Now + Lease).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["leaseUntil"].N);
        Assert.Equal("2025-03-01T10:15:00Z", item["claimedAt"].S);
        Assert.Equal((Now + TimeSpan.FromDays(14)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
    }

    [Fact]
    public async Task TryClaimAsync_WhenAnotherDeliveryHoldsTheLease_ShouldReturnInProgressWithItsLease()
    {
        // Arrange
        await claims.TryClaimAsync("alert-2", Now, Lease, CancellationToken.None);

        // Act
        var second = await claims.TryClaimAsync("alert-2", Now + TimeSpan.FromSeconds(5), Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.InProgress, second.Status);
        Assert.Null(second.ClaimToken);
        Assert.Equal(Now + Lease, second.LeaseUntil);
    }

    [Fact]
    public async Task TryClaimAsync_WhenAlreadyPublished_ShouldReturnAlreadyPublishedWithMessageId()
    {
        // Arrange
        var first = await claims.TryClaimAsync("alert-3", Now, Lease, CancellationToken.None);
        await claims.MarkPublishedAsync("alert-3", first.ClaimToken!, "sns-message-3", Now + TimeSpan.FromSeconds(1), CancellationToken.None);

        // Act: even long after the lease ran out, a published alert is never claimed again.
        var redelivery = await claims.TryClaimAsync("alert-3", Now + TimeSpan.FromHours(1), Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.AlreadyPublished, redelivery.Status);
        Assert.Equal("sns-message-3", redelivery.MessageId);
    }

    [Fact]
    public async Task TryClaimAsync_WhenPublishedClaimOutlivedItsTtlButIsStillStored_ShouldClaimAsNewAlert()
    {
        // Arrange: dynalite never deletes by TTL (DynamoDB only eventually), so the store judges ttl itself.
        var first = await claims.TryClaimAsync("alert-old", Now, Lease, CancellationToken.None);
        await claims.MarkPublishedAsync("alert-old", first.ClaimToken!, "sns-old", Now, CancellationToken.None);
        var afterRetention = Now + DynamoDbAlertClaims.DefaultRetention + TimeSpan.FromSeconds(1);

        // Act
        var redelivery = await claims.TryClaimAsync("alert-old", afterRetention, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.Claimed, redelivery.Status);
        var stored = await claims.GetAsync("alert-old", CancellationToken.None);
        Assert.Equal("PENDING", stored?.Status);
        Assert.Equal(redelivery.ClaimToken, stored?.ClaimToken);
    }

    [Fact]
    public async Task TryClaimAsync_WhenPublishedClaimReachesItsTtlSecond_ShouldStillReportPublished()
    {
        // Arrange
        var first = await claims.TryClaimAsync("alert-edge", Now, Lease, CancellationToken.None);
        await claims.MarkPublishedAsync("alert-edge", first.ClaimToken!, "sns-edge", Now, CancellationToken.None);

        // Act
        var redelivery = await claims.TryClaimAsync("alert-edge", Now + DynamoDbAlertClaims.DefaultRetention, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.AlreadyPublished, redelivery.Status);
        Assert.Equal("sns-edge", redelivery.MessageId);
    }

    [Fact]
    public async Task TryClaimAsync_WhenLeaseExpired_ShouldTakeOverWithANewToken()
    {
        // Arrange: the first delivery crashed after claiming.
        var crashed = await claims.TryClaimAsync("alert-4", Now, Lease, CancellationToken.None);
        var later = Now + Lease + TimeSpan.FromMilliseconds(1);

        // Act
        var retry = await claims.TryClaimAsync("alert-4", later, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.Claimed, retry.Status);
        Assert.NotEqual(crashed.ClaimToken, retry.ClaimToken);
        Assert.Equal(retry.ClaimToken, (await claims.GetAsync("alert-4", CancellationToken.None))?.ClaimToken);
    }

    [Fact]
    public async Task TryClaimAsync_WhenLeaseEndsExactlyNow_ShouldStillBeInProgress()
    {
        // Arrange
        await claims.TryClaimAsync("alert-5", Now, Lease, CancellationToken.None);

        // Act
        var atBoundary = await claims.TryClaimAsync("alert-5", Now + Lease, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.InProgress, atBoundary.Status);
    }

    [Fact]
    public async Task TryClaimAsync_WhenDeliveriesRace_ShouldLetExactlyOneClaim()
    {
        // Act
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => claims.TryClaimAsync("alert-race", Now, Lease, CancellationToken.None)));

        // Assert
        Assert.Single(outcomes, o => o.Status == ClaimStatus.Claimed);
        Assert.All(outcomes.Where(o => o.Status != ClaimStatus.Claimed), o => Assert.Equal(ClaimStatus.InProgress, o.Status));
    }

    [Fact]
    public async Task RecordPublishedAsync_WhenTokenIsCurrent_ShouldStorePublishedWithRetentionTtl()
    {
        // Arrange
        var claims30Days = new DynamoDbAlertClaims(client, table, TimeSpan.FromDays(30));
        var claim = await claims30Days.TryClaimAsync("alert-6", Now, Lease, CancellationToken.None);
        var publishedAt = Now + TimeSpan.FromSeconds(2);

        // Act
        var outcome = await claims30Days.RecordPublishedAsync("alert-6", claim.ClaimToken!, "sns-6", publishedAt, CancellationToken.None);

        // Assert
        Assert.Equal(MarkPublishedOutcome.Recorded, outcome);
        var record = await claims30Days.GetAsync("alert-6", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal("PUBLISHED", record.Status);
        Assert.Equal("sns-6", record.MessageId);
        Assert.Equal(publishedAt, record.PublishedAt);
        Assert.Equal(publishedAt + TimeSpan.FromDays(30), record.ExpiresAt);
    }

    [Fact]
    public async Task RecordPublishedAsync_WhenLeaseWasTakenOver_ShouldStillRecordOurPublish()
    {
        // Arrange: a slow delivery's lease expires, a retry takes over, then the slow one finishes publishing.
        var slow = await claims.TryClaimAsync("alert-7", Now, Lease, CancellationToken.None);
        var retry = await claims.TryClaimAsync("alert-7", Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        Assert.Equal(ClaimStatus.Claimed, retry.Status);

        // Act
        var outcome = await claims.RecordPublishedAsync("alert-7", slow.ClaimToken!, "sns-slow", Now + Lease + TimeSpan.FromSeconds(2), CancellationToken.None);

        // Assert: later deliveries see the alert as published and do not publish again.
        Assert.Equal(MarkPublishedOutcome.RecordedAfterTakeover, outcome);
        var redelivery = await claims.TryClaimAsync("alert-7", Now + TimeSpan.FromMinutes(5), Lease, CancellationToken.None);
        Assert.Equal(ClaimStatus.AlreadyPublished, redelivery.Status);
        Assert.Equal("sns-slow", redelivery.MessageId);
    }

    [Fact]
    public async Task RecordPublishedAsync_WhenAnotherDeliveryRecordedFirst_ShouldKeepTheEarlierMessageId()
    {
        // Arrange
        var slow = await claims.TryClaimAsync("alert-8", Now, Lease, CancellationToken.None);
        var retry = await claims.TryClaimAsync("alert-8", Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);
        await claims.RecordPublishedAsync("alert-8", retry.ClaimToken!, "sns-retry", Now + Lease + TimeSpan.FromSeconds(2), CancellationToken.None);

        // Act
        var outcome = await claims.RecordPublishedAsync("alert-8", slow.ClaimToken!, "sns-slow", Now + Lease + TimeSpan.FromSeconds(3), CancellationToken.None);

        // Assert
        Assert.Equal(MarkPublishedOutcome.AlreadyRecordedByOther, outcome);
        Assert.Equal("sns-retry", (await claims.GetAsync("alert-8", CancellationToken.None))?.MessageId);
    }

    [Fact]
    public async Task RecordPublishedAsync_WhenRepeatedBySameDelivery_ShouldReportRecordedAgain()
    {
        // Arrange
        var claim = await claims.TryClaimAsync("alert-9", Now, Lease, CancellationToken.None);
        await claims.RecordPublishedAsync("alert-9", claim.ClaimToken!, "sns-9", Now, CancellationToken.None);

        // Act
        var again = await claims.RecordPublishedAsync("alert-9", claim.ClaimToken!, "sns-9", Now, CancellationToken.None);

        // Assert
        Assert.Equal(MarkPublishedOutcome.Recorded, again);
    }

    [Fact]
    public async Task RecordPublishedAsync_WhenClaimItemIsGone_ShouldRecreateItAsPublished()
    {
        // Arrange: the PENDING item expired (TTL) while the delivery was still publishing.
        var claim = await claims.TryClaimAsync("alert-10", Now, Lease, CancellationToken.None);
        await client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["alertId"] = new AttributeValue("alert-10") },
        });

        // Act
        var outcome = await claims.RecordPublishedAsync("alert-10", claim.ClaimToken!, "sns-10", Now, CancellationToken.None);

        // Assert
        Assert.Equal(MarkPublishedOutcome.RecordedAfterTakeover, outcome);
        var redelivery = await claims.TryClaimAsync("alert-10", Now, Lease, CancellationToken.None);
        Assert.Equal(ClaimStatus.AlreadyPublished, redelivery.Status);
    }

    [Fact]
    public async Task TryClaimAsync_WhenTheSdkRetriesAPutWhoseFirstAttemptSucceeded_ShouldSeeItsOwnClaim()
    {
        // Arrange: the first attempt stored the claim, its answer was lost; the retry carries the same token.
        var retrying = new DynamoDbAlertClaims(client, table) { NewClaimToken = () => "token-retried" };
        await retrying.TryClaimAsync("alert-retry", Now, Lease, CancellationToken.None);

        // Act
        var retried = await retrying.TryClaimAsync("alert-retry", Now + TimeSpan.FromMilliseconds(200), Lease, CancellationToken.None);

        // Assert
        Assert.Equal(ClaimStatus.Claimed, retried.Status);
        Assert.Equal("token-retried", retried.ClaimToken);
    }

    [Fact]
    public async Task ReleaseAsync_WhenOurTokenHoldsTheClaim_ShouldLetTheNextDeliveryClaimAtOnce()
    {
        // Arrange
        var failed = await claims.TryClaimAsync("alert-release", Now, Lease, CancellationToken.None);

        // Act
        var released = await claims.ReleaseAsync("alert-release", failed.ClaimToken!, CancellationToken.None);
        var retry = await claims.TryClaimAsync("alert-release", Now + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        // Assert
        Assert.True(released);
        Assert.Equal(ClaimStatus.Claimed, retry.Status);
        Assert.NotEqual(failed.ClaimToken, retry.ClaimToken);
    }

    [Fact]
    public async Task ReleaseAsync_WhenAnotherDeliveryHoldsTheClaim_ShouldNotTouchIt()
    {
        // Arrange: our lease ran out and another delivery took the claim over.
        var ours = await claims.TryClaimAsync("alert-taken", Now, Lease, CancellationToken.None);
        var theirs = await claims.TryClaimAsync("alert-taken", Now + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        // Act
        var released = await claims.ReleaseAsync("alert-taken", ours.ClaimToken!, CancellationToken.None);
        var third = await claims.TryClaimAsync("alert-taken", Now + Lease + TimeSpan.FromSeconds(2), Lease, CancellationToken.None);

        // Assert
        Assert.False(released);
        Assert.Equal(theirs.ClaimToken, (await claims.GetAsync("alert-taken", CancellationToken.None))?.ClaimToken);
        Assert.Equal(ClaimStatus.InProgress, third.Status);
    }

    [Fact]
    public async Task ReleaseAsync_WhenTheAlertWasPublished_ShouldKeepThePublishRecord()
    {
        // Arrange
        var claim = await claims.TryClaimAsync("alert-done", Now, Lease, CancellationToken.None);
        await claims.MarkPublishedAsync("alert-done", claim.ClaimToken!, "msg-done", Now, CancellationToken.None);

        // Act
        var released = await claims.ReleaseAsync("alert-done", claim.ClaimToken!, CancellationToken.None);
        var redelivery = await claims.TryClaimAsync("alert-done", Now + TimeSpan.FromSeconds(1), Lease, CancellationToken.None);

        // Assert
        Assert.False(released);
        Assert.Equal(ClaimStatus.AlreadyPublished, redelivery.Status);
        Assert.Equal("msg-done", redelivery.MessageId);
    }

    [Fact]
    public async Task ReleaseAsync_WhenRepeated_ShouldAnswerFalseTheSecondTime()
    {
        // Arrange
        var claim = await claims.TryClaimAsync("alert-twice", Now, Lease, CancellationToken.None);
        await claims.ReleaseAsync("alert-twice", claim.ClaimToken!, CancellationToken.None);

        // Act
        var again = await claims.ReleaseAsync("alert-twice", claim.ClaimToken!, CancellationToken.None);

        // Assert
        Assert.False(again);
    }

    private Task<Dictionary<string, AttributeValue>> RawAsync(string alertId) =>
        DynaliteClients.RawItemAsync(client, table, new Dictionary<string, AttributeValue> { ["alertId"] = new AttributeValue(alertId) });
}
