using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

/// <summary>docs/detections.md §5: a backtest (the file) and production (the table) agree. The same bad entries,
/// from Core's fail-closed fixture, go through both readers; each is kept, names the same fields, and silences
/// nothing, while a good entry in the same table still works.</summary>
[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class SuppressionFailClosedParityTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly string FixturePath = RepositoryPaths.InRepo("test", "LambdaGuard.Core.Tests", "Fixtures", "Suppressions", "fail-closed.json");

    private readonly AmazonDynamoDBClient client = DynaliteClients.Create(dynalite);
    private readonly List<SuppressionItemProblem> problems = [];
    private DynamoDbSuppressionStore store = null!;
    private string table = null!;

    public async Task InitializeAsync()
    {
        table = await DynaliteClients.NewSuppressionsTableAsync(client);
        store = new DynamoDbSuppressionStore(client, table, problems.Add);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task LoadAsync_WhenTableHoldsTheFileFixturesBadEntries_ShouldJudgeEachLikeTheFileReader()
    {
        // Arrange
        var bytes = await File.ReadAllBytesAsync(FixturePath);
        var fromFile = SuppressionFile.Parse(bytes).Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        using var document = JsonDocument.Parse(bytes);
        foreach (var element in document.RootElement.GetProperty("suppressions").EnumerateArray())
        {
            await client.PutItemAsync(new PutItemRequest { TableName = table, Item = ItemOf(element) });
        }

        // Act
        var fromTable = (await store.LoadAsync(CancellationToken.None)).ToDictionary(e => e.Id, StringComparer.Ordinal);

        // Assert
        Assert.Equal(fromFile.Keys.Order(StringComparer.Ordinal), fromTable.Keys.Order(StringComparer.Ordinal));
        var finding = AliceCodeUpdate();
        foreach (var (id, tableEntry) in fromTable)
        {
            var tableFields = Fields(tableEntry);
            Assert.NotEmpty(tableFields);
            Assert.Equal(Fields(fromFile[id]), tableFields);
            Assert.Null(SuppressionMatcher.FindMatch(finding, [tableEntry], Now));
            Assert.Contains(problems, p => p.Id == id && p.Skipped);
        }
    }

    [Fact]
    public async Task LoadAsync_WhenAGoodEntrySitsBesideBadOnes_ShouldStillSuppressWithIt()
    {
        // Arrange
        var good = new SuppressionEntry
        {
            Id = "alice-orders",
            Reason = "OPS-1: alice ships orders-api by hand this sprint",
            ExpiresAt = Now.AddDays(14),
            Principal = "arn:aws:iam::123456789012:user/alice",
            Function = "orders-api",
            RuleId = "LG001",
        };
        await store.AddAsync(good, CancellationToken.None);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(FixturePath));
        await client.PutItemAsync(new PutItemRequest { TableName = table, Item = ItemOf(document.RootElement.GetProperty("suppressions")[0]) });

        // Act
        var entries = await store.LoadAsync(CancellationToken.None);

        // Assert
        Assert.Equal("alice-orders", SuppressionMatcher.FindMatch(AliceCodeUpdate(), entries, Now)?.Id);
    }

    private static IReadOnlyList<string> Fields(SuppressionEntry entry) =>
        SuppressionValidator.ValidateForUse(entry).Problems.Select(p => p.Field).Order(StringComparer.Ordinal).ToList();

    private static Finding AliceCodeUpdate()
    {
        var path = RepositoryPaths.InRepo("test", "LambdaGuard.Core.Tests", "Fixtures", "Rules", "lg001-code-updated.json");
        var record = new CloudTrailReader().Read(File.ReadAllBytes(path), path, new ReadCounters())
            .Single(i => i.Kind == ReadItemKind.LambdaRecord && i.Record!.EventId == "lg001-iam-user").Record!;
        return new Detector(new DetectorSettings()).Detect(record).Finding!;
    }

    /// <summary>The JSON entry as someone writing the table by hand would store it, types included.</summary>
    private static Dictionary<string, AttributeValue> ItemOf(JsonElement entry)
    {
        var item = entry.EnumerateObject().ToDictionary(p => p.Name, p => Attribute(p.Value), StringComparer.Ordinal);
        item["pk"] = new AttributeValue { S = SuppressionItemMapper.PartitionValue };
        return item;
    }

    private static AttributeValue Attribute(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new AttributeValue { S = value.GetString() },
        JsonValueKind.Number => new AttributeValue { N = value.GetRawText() },
        JsonValueKind.True or JsonValueKind.False => new AttributeValue { BOOL = value.GetBoolean() },
        JsonValueKind.Array => new AttributeValue { L = value.EnumerateArray().Select(Attribute).ToList() },
        JsonValueKind.Object => new AttributeValue { M = value.EnumerateObject().ToDictionary(p => p.Name, p => Attribute(p.Value)) },
        _ => new AttributeValue { NULL = true },
    };
}
