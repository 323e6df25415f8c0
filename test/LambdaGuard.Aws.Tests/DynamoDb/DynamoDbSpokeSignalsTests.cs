using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class DynamoDbSpokeSignalsTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly AmazonDynamoDBClient client = DynaliteClients.Create(dynalite);
    private DynamoDbSpokeSignals signals = null!;
    private string table = null!;

    public async Task InitializeAsync()
    {
        table = await DynaliteClients.NewClaimsTableAsync(client);
        signals = new DynamoDbSpokeSignals(client, table);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListAsync_AfterHeartbeatsFromSeveralSpokes_ShouldReturnEachAccountAndRegionWithItsLatestSignalOnly()
    {
        // Arrange: alert claims share the table and must not be listed.
        await new DynamoDbAlertClaims(client, table).TryClaimAsync("0123abcd", Now, TimeSpan.FromSeconds(30), CancellationToken.None);
        await signals.RecordAsync("222233334444", "eu-west-1", Now.AddHours(-2), CancellationToken.None);
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddHours(-1), CancellationToken.None);
        await signals.RecordAsync("111122223333", "us-east-1", Now, CancellationToken.None);

        // Act
        var listed = await signals.ListAsync(CancellationToken.None);

        // Assert
        Assert.Equal(
            [new SpokeSignal("111122223333", "us-east-1", Now), new SpokeSignal("222233334444", "eu-west-1", Now.AddHours(-2))],
            listed);
    }

    [Fact]
    public async Task RecordAsync_WhenAnOlderHeartbeatArrivesLate_ShouldKeepTheNewerSignal()
    {
        // Arrange
        await signals.RecordAsync("111122223333", "us-east-1", Now, CancellationToken.None);

        // Act
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddMinutes(-30), CancellationToken.None);

        // Assert
        var signal = Assert.Single(await signals.ListAsync(CancellationToken.None));
        Assert.Equal(Now, signal.LastSignalAt);
        var raw = await DynaliteClients.RawItemAsync(client, table, new() { ["alertId"] = new AttributeValue("signal#111122223333#us-east-1") });
        Assert.Equal("2026-11-30T09:00:00Z", raw["lastSignalAt"].S);
    }

    [Fact]
    public async Task TryMarkQuietAlertedAsync_WhenCalledTwiceForTheSameSilence_ShouldGrantOnlyTheFirst()
    {
        // Arrange
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddHours(-6), CancellationToken.None);
        var quiet = Assert.Single(await signals.ListAsync(CancellationToken.None));

        // Act
        var first = await signals.TryMarkQuietAlertedAsync(quiet, Now, CancellationToken.None);
        var second = await signals.TryMarkQuietAlertedAsync(quiet, Now.AddMinutes(1), CancellationToken.None);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Now, Assert.Single(await signals.ListAsync(CancellationToken.None)).QuietAlertedAt);
    }

    [Fact]
    public async Task RecordAsync_AfterAQuietAlert_ShouldEndTheSilenceSoTheNextOneIsAlertedAgain()
    {
        // Arrange
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddHours(-6), CancellationToken.None);
        var quiet = Assert.Single(await signals.ListAsync(CancellationToken.None));
        await signals.TryMarkQuietAlertedAsync(quiet, Now, CancellationToken.None);

        // Act
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddMinutes(5), CancellationToken.None);

        // Assert
        var back = Assert.Single(await signals.ListAsync(CancellationToken.None));
        Assert.Null(back.QuietAlertedAt);
        Assert.True(await signals.TryMarkQuietAlertedAsync(back, Now.AddHours(6), CancellationToken.None));
    }

    [Fact]
    public async Task TryMarkQuietAlertedAsync_WhenAHeartbeatArrivedSinceTheListing_ShouldRefuse()
    {
        // Arrange
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddHours(-6), CancellationToken.None);
        var stale = Assert.Single(await signals.ListAsync(CancellationToken.None));
        await signals.RecordAsync("111122223333", "us-east-1", Now, CancellationToken.None);

        // Act
        var marked = await signals.TryMarkQuietAlertedAsync(stale, Now, CancellationToken.None);

        // Assert
        Assert.False(marked);
    }

    [Fact]
    public async Task UnmarkQuietAlertedAsync_AfterAFailedPublish_ShouldLetTheNextCheckMarkAgain()
    {
        // Arrange
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddHours(-6), CancellationToken.None);
        var quiet = Assert.Single(await signals.ListAsync(CancellationToken.None));
        await signals.TryMarkQuietAlertedAsync(quiet, Now, CancellationToken.None);

        // Act
        await signals.UnmarkQuietAlertedAsync(quiet, Now, CancellationToken.None);

        // Assert
        Assert.True(await signals.TryMarkQuietAlertedAsync(quiet, Now.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_OverMoreSignalsThanOneScanPage_ShouldReturnThemAll()
    {
        // Arrange: ~1 MB scan pages; 600 items with padding force several pages.
        var padding = new string('x', 3000);
        for (var i = 0; i < 600; i++)
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["alertId"] = new($"signal#{i:D12}#us-east-1"),
                    ["account"] = new($"{i:D12}"),
                    ["region"] = new("us-east-1"),
                    ["lastSignalMs"] = new() { N = Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["padding"] = new(padding),
                },
            });
        }

        // Act
        var listed = await signals.ListAsync(CancellationToken.None);

        // Assert
        Assert.Equal(600, listed.Count);
    }
}
