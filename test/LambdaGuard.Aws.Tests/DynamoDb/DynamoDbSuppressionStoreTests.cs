using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

[Collection(EmulatorCollections.Dynalite)]
[Trait("Category", "Integration")]
public sealed class DynamoDbSuppressionStoreTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Expiry = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

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
    public async Task LoadAsync_WhenEntriesAdded_ShouldReturnThemWithVersionOne()
    {
        // Arrange
        var full = Entry("deploy-role") with
        {
            Principal = "arn:aws:iam::123456789012:role/Deploy*",
            Api = "UpdateFunctionCode",
            RuleId = "LG00?",
            Account = "123456789012",
            Region = "eu-*",
            CreatedBy = "arn:aws:iam::123456789012:user/alice",
            CreatedAt = new DateTimeOffset(2025, 3, 1, 10, 15, 0, TimeSpan.Zero),
        };
        await store.AddAsync(full, CancellationToken.None);
        await store.AddAsync(Entry("minimal"), CancellationToken.None);

        // Act
        var entries = await store.LoadAsync(CancellationToken.None);

        // Assert
        Assert.Equal([full with { Version = 1 }, Entry("minimal") with { Version = 1 }], entries.OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task AddAsync_WhenStored_ShouldWriteTheDocumentedItem()
    {
        // Act
        await store.AddAsync(Entry("layout"), CancellationToken.None);

        // Assert
        var item = await DynaliteClients.RawItemAsync(client, table, SuppressionItemMapper.KeyOf("layout"));
        Assert.Equal("suppression", item["pk"].S);
        Assert.Equal("2030-01-01T00:00:00Z", item["expiresAt"].S);
        Assert.Equal("1893456000", item["ttl"].N);
        Assert.Equal("1", item["version"].N);
    }

    [Fact]
    public async Task LoadAsync_WhenEntryExpiredButNotYetDeletedByTtl_ShouldReturnItWithItsExpiry()
    {
        // Arrange: TTL deletion is lazy in DynamoDB and absent in dynalite, so expired items are still read;
        // the matcher must see their expiry to refuse them.
        var expiredAt = new DateTimeOffset(2024, 6, 30, 23, 59, 59, TimeSpan.Zero);
        await store.AddAsync(Entry("expired") with { ExpiresAt = expiredAt }, CancellationToken.None);
        await store.AddAsync(Entry("current"), CancellationToken.None);

        // Act
        var entries = await store.LoadAsync(CancellationToken.None);

        // Assert
        var expired = Assert.Single(entries, e => e.Id == "expired");
        Assert.Equal(expiredAt, expired.ExpiresAt);
        Assert.Equal(Expiry, Assert.Single(entries, e => e.Id == "current").ExpiresAt);
        var item = await DynaliteClients.RawItemAsync(client, table, SuppressionItemMapper.KeyOf("expired"));
        Assert.Equal(expiredAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
    }

    [Fact]
    public async Task UpdateAsync_WhenExpiryExtended_ShouldMoveTtlWithIt()
    {
        // Arrange
        var added = await store.AddAsync(Entry("extend") with { ExpiresAt = Expiry.AddDays(-1) }, CancellationToken.None);

        // Act
        await store.UpdateAsync(added with { ExpiresAt = Expiry.AddDays(30) }, expectedVersion: 1, CancellationToken.None);

        // Assert
        var item = await DynaliteClients.RawItemAsync(client, table, SuppressionItemMapper.KeyOf("extend"));
        Assert.Equal("2030-01-31T00:00:00Z", item["expiresAt"].S);
        Assert.Equal(Expiry.AddDays(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
        Assert.Equal("2", item["version"].N);
    }

    [Fact]
    public async Task LoadAsync_WhenListSpansSeveralQueryPages_ShouldReadEveryPage()
    {
        // Arrange: Query pages stop at 1 MB, so 30 items of ~50 KB need two or more pages.
        var padding = new string('r', 50_000);
        for (var i = 0; i < 30; i++)
        {
            await store.AddAsync(Entry($"bulk-{i:00}") with { Reason = padding }, CancellationToken.None);
        }

        var firstPage = await client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue("suppression") },
        });

        // Act
        var entries = await store.LoadAsync(CancellationToken.None);

        // Assert
        Assert.True(firstPage.Items.Count < 30, "the data should not fit one Query page");
        Assert.Equal(30, entries.Count);
        Assert.Equal(30, entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task AddAsync_WhenIdExists_ShouldThrowAndKeepTheOriginal()
    {
        // Arrange
        await store.AddAsync(Entry("taken") with { Reason = "original" }, CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<SuppressionAlreadyExistsException>(
            () => store.AddAsync(Entry("taken") with { Reason = "replacement" }, CancellationToken.None));

        // Assert
        Assert.Equal("taken", error.Id);
        Assert.Contains(table, error.Message, StringComparison.Ordinal);
        var stored = await store.GetAsync("taken", CancellationToken.None);
        Assert.Equal("original", stored?.Reason);
        Assert.Equal(1, stored?.Version);
    }

    [Fact]
    public async Task UpdateAsync_WhenVersionMatches_ShouldReplaceTheEntryAndIncrementVersion()
    {
        // Arrange
        await store.AddAsync(Entry("rotate") with { Principal = "arn:aws:iam::1:user/bob" }, CancellationToken.None);
        var read = await store.GetAsync("rotate", CancellationToken.None);

        // Act
        var updated = await store.UpdateAsync(read! with { Principal = null, Api = "CreateFunction", Reason = "narrowed" }, read!.Version!.Value, CancellationToken.None);

        // Assert
        Assert.Equal(2, updated.Version);
        var stored = await store.GetAsync("rotate", CancellationToken.None);
        Assert.Equal(updated, stored);
        Assert.Null(stored!.Principal);
    }

    [Fact]
    public async Task UpdateAsync_WhenAnotherAdminUpdatedFirst_ShouldRefuseWithVersionConflict()
    {
        // Arrange: two admins read version 1.
        await store.AddAsync(Entry("contended"), CancellationToken.None);
        var adminA = (await store.GetAsync("contended", CancellationToken.None))!;
        var adminB = (await store.GetAsync("contended", CancellationToken.None))!;
        await store.UpdateAsync(adminA with { Reason = "A's change" }, 1, CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<SuppressionVersionConflictException>(
            () => store.UpdateAsync(adminB with { Reason = "B's change" }, 1, CancellationToken.None));

        // Assert
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        var stored = await store.GetAsync("contended", CancellationToken.None);
        Assert.Equal("A's change", stored?.Reason);
        Assert.Equal(2, stored?.Version);
    }

    [Fact]
    public async Task UpdateAsync_WhenUpdatesRace_ShouldLetExactlyOneWin()
    {
        // Arrange
        await store.AddAsync(Entry("race"), CancellationToken.None);

        // Act
        var attempts = Enumerable.Range(0, 8)
            .Select(i => store.UpdateAsync(Entry("race") with { Reason = $"writer {i}" }, 1, CancellationToken.None))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                return await t;
            }
            catch (SuppressionVersionConflictException)
            {
                return null;
            }
        }));

        // Assert
        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, await store.GetAsync("race", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_WhenEntryDoesNotExist_ShouldThrowNotFound()
    {
        // Act + Assert
        var error = await Assert.ThrowsAsync<SuppressionNotFoundException>(
            () => store.UpdateAsync(Entry("ghost"), 1, CancellationToken.None));
        Assert.Equal("ghost", error.Id);
        Assert.Null(await store.GetAsync("ghost", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_WhenEntryExists_ShouldDeleteIt()
    {
        // Arrange
        await store.AddAsync(Entry("gone"), CancellationToken.None);

        // Act
        await store.RemoveAsync("gone", expectedVersion: 1, CancellationToken.None);

        // Assert
        Assert.Null(await store.GetAsync("gone", CancellationToken.None));
        Assert.Empty(await store.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_WhenVersionIsStale_ShouldRefuseAndKeepTheEntry()
    {
        // Arrange
        await store.AddAsync(Entry("kept"), CancellationToken.None);
        await store.UpdateAsync(Entry("kept") with { Reason = "changed" }, 1, CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<SuppressionVersionConflictException>(
            () => store.RemoveAsync("kept", expectedVersion: 1, CancellationToken.None));

        // Assert
        Assert.Equal(2, error.ActualVersion);
        Assert.NotNull(await store.GetAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_WhenEntryDoesNotExist_ShouldThrowNotFound()
    {
        // Act + Assert
        await Assert.ThrowsAsync<SuppressionNotFoundException>(() => store.RemoveAsync("typo", expectedVersion: null, CancellationToken.None));
    }

    [Fact]
    public async Task LoadAsync_WhenItemsHaveProblems_ShouldReturnThemAsEntriesThatSuppressNothingAndReportEach()
    {
        // Arrange: one good entry, one with a selector of the wrong type, one without a reason, one with an
        // unreadable expiry, one with a misspelled selector. The file reader judges the same entries alike.
        await store.AddAsync(Entry("good"), CancellationToken.None);
        await PutRawAsync(Raw("wrong-type", ("reason", S("r")), ("expiresAt", S("2030-01-01T00:00:00Z")), ("principal", N("42")), ("function", S("f"))));
        await PutRawAsync(Raw("no-reason", ("expiresAt", S("2030-01-01T00:00:00Z")), ("function", S("f"))));
        await PutRawAsync(Raw("bad-expiry", ("reason", S("r")), ("expiresAt", S("soon")), ("function", S("f"))));
        await PutRawAsync(Raw("typo", ("reason", S("r")), ("expiresAt", S("2030-01-01T00:00:00Z")), ("princpal", S("arn:aws:iam::123456789012:user/bob")), ("function", S("f"))));

        // Act
        var entries = await store.LoadAsync(CancellationToken.None);

        // Assert
        Assert.Equal(["bad-expiry", "good", "no-reason", "typo", "wrong-type"], entries.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["good"], entries.Where(e => SuppressionValidator.ValidateForUse(e).IsValid).Select(e => e.Id));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p is { Id: "wrong-type", Skipped: true } && p.Message.StartsWith("principal:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Id: "no-reason", Skipped: true } && p.Message.StartsWith("reason:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Id: "bad-expiry", Skipped: true } && p.Message.Contains("'soon'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Id: "typo", Skipped: true } && p.Message.Contains("did you mean 'principal'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_WhenItemHasProblems_ShouldListItWithEachProblem()
    {
        // Arrange
        await PutRawAsync(Raw("wrong-type", ("reason", N("1")), ("expiresAt", S("2030-01-01T00:00:00Z"))));

        // Act
        var listing = await store.ListAsync(CancellationToken.None);

        // Assert: listed, so an admin sees it, with each problem naming the entry and the field.
        Assert.Equal("wrong-type", Assert.Single(listing.Entries).Id);
        Assert.Contains(listing.Problems, p => p.Contains("'wrong-type'", StringComparison.Ordinal) && p.Contains("reason: is a number", StringComparison.Ordinal));
        Assert.Contains(listing.Problems, p => p.Contains("'wrong-type'", StringComparison.Ordinal) && p.Contains("has no selector", StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task GetAsync_WhenItemHasAProblem_ShouldReturnTheEntryThatSuppressesNothing()
    {
        // Arrange
        await PutRawAsync(Raw("wrong-type", ("reason", S("r")), ("expiresAt", S("2030-01-01T00:00:00Z")), ("api", N("7"))));

        // Act
        var entry = await store.GetAsync("wrong-type", CancellationToken.None);

        // Assert
        Assert.NotNull(entry);
        var problem = Assert.Single(SuppressionValidator.ValidateForUse(entry).Problems);
        Assert.Equal("api", problem.Field);
        Assert.Contains("is a number, not a string", problem.Message, StringComparison.Ordinal);
    }

    private static SuppressionEntry Entry(string id) => new()
    {
        Id = id,
        Reason = $"reason for {id}",
        ExpiresAt = Expiry,
        Function = "payments-*",
    };

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(string value) => new() { N = value };

    private static Dictionary<string, AttributeValue> Raw(string id, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = SuppressionItemMapper.KeyOf(id);
        foreach (var (name, value) in attributes)
        {
            item[name] = value;
        }

        return item;
    }

    private Task PutRawAsync(Dictionary<string, AttributeValue> item) =>
        client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
}
