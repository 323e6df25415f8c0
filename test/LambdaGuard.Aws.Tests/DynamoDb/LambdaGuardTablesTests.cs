using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class LambdaGuardTablesTests(DynaliteFixture dynalite) : IDisposable
{
    private readonly AmazonDynamoDBClient client = DynaliteClients.Create(dynalite);

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task EnsureSuppressionsTableAsync_WhenMissing_ShouldCreateAnActiveOnDemandTableWithTheKeys()
    {
        // Arrange
        var name = DynaliteClients.UniqueTableName("Suppressions");

        // Act
        var result = await LambdaGuardTables.EnsureSuppressionsTableAsync(client, name);

        // Assert
        Assert.True(result.Created);
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(["pk:HASH", "id:RANGE"], table.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Fact]
    public async Task EnsureAlertClaimsTableAsync_WhenMissing_ShouldCreateAnActiveTableKeyedByAlertId()
    {
        // Arrange
        var name = DynaliteClients.UniqueTableName("AlertClaims");

        // Act
        var result = await LambdaGuardTables.EnsureAlertClaimsTableAsync(client, name);

        // Assert
        Assert.True(result.Created);
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(["alertId:HASH"], table.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
    }

    [Fact]
    public async Task EnsureTableAsync_WhenTableExists_ShouldLeaveItAndItsItemsAlone()
    {
        // Arrange
        var name = DynaliteClients.UniqueTableName("Suppressions");
        await LambdaGuardTables.EnsureSuppressionsTableAsync(client, name);
        await new DynamoDbSuppressionStore(client, name).AddAsync(
            new() { Id = "kept", Reason = "r", ExpiresAt = DateTimeOffset.UnixEpoch.AddYears(60), Function = "f" }, CancellationToken.None);

        // Act
        var again = await LambdaGuardTables.EnsureSuppressionsTableAsync(client, name);

        // Assert
        Assert.False(again.Created);
        Assert.NotNull(await new DynamoDbSuppressionStore(client, name).GetAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task EnsureTableAsync_WhenNameTakenByTableWithOtherKeys_ShouldThrowNamingBoth()
    {
        // Arrange
        var name = DynaliteClients.UniqueTableName("Clash");
        await LambdaGuardTables.EnsureAlertClaimsTableAsync(client, name);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LambdaGuardTables.EnsureSuppressionsTableAsync(client, name));

        // Assert
        Assert.Contains("alertId (HASH)", error.Message, StringComparison.Ordinal);
        Assert.Contains("pk (HASH), id (RANGE)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTableAsync_WhenEndpointHasNoTtlSupport_ShouldSayTtlIsNotEnabled()
    {
        // Act (dynalite implements DescribeTimeToLive but not UpdateTimeToLive)
        var result = await LambdaGuardTables.EnsureAlertClaimsTableAsync(client, DynaliteClients.UniqueTableName("AlertClaims"));

        // Assert
        Assert.False(result.TimeToLiveEnabled);
        Assert.Contains("TTL not enabled", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SuppressionsTable_WhenDefined_ShouldStreamNewAndOldImages()
    {
        // Act
        var definition = LambdaGuardTables.SuppressionsTable();

        // Assert
        Assert.Equal("LambdaGuard-Suppressions", definition.TableName);
        Assert.True(definition.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, definition.StreamSpecification.StreamViewType);
    }
}
