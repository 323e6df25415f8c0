using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Aws.Tests.DynamoDb;

public sealed class SuppressionItemMapperTests
{
    private static readonly SuppressionEntry FullEntry = new()
    {
        Id = "deploy-role-payments",
        Reason = "CI deploy role ships payments-api",
        ExpiresAt = new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero),
        Principal = "arn:aws:iam::123456789012:role/Deploy*",
        Function = "payments-*",
        Api = "UpdateFunctionCode",
        RuleId = "LG001",
        Account = "123456789012",
        Region = "eu-*",
        CreatedBy = "arn:aws:iam::123456789012:user/alice",
        CreatedAt = new DateTimeOffset(2025, 3, 1, 10, 15, 30, 250, TimeSpan.Zero),
        Version = 3,
    };

    [Fact]
    public void ToItem_WhenEntryComplete_ShouldWriteTheDocumentedLayout()
    {
        // Act
        var item = SuppressionItemMapper.ToItem(FullEntry);

        // Assert
        Assert.Equal("suppression", item["pk"].S);
        Assert.Equal("deploy-role-payments", item["id"].S);
        Assert.Equal("2025-06-30T00:00:00Z", item["expiresAt"].S);
        Assert.Equal("1751241600", item["ttl"].N);
        Assert.Equal("2025-03-01T10:15:30.25Z", item["createdAt"].S);
        Assert.Equal("3", item["version"].N);
        Assert.Equal("eu-*", item["region"].S);
    }

    [Fact]
    public void ToItem_WhenExpiryHasAnOffset_ShouldStoreItInUtc()
    {
        // Act
        var item = SuppressionItemMapper.ToItem(FullEntry with { ExpiresAt = new DateTimeOffset(2025, 6, 30, 2, 0, 0, TimeSpan.FromHours(2)) });

        // Assert
        Assert.Equal("2025-06-30T00:00:00Z", item["expiresAt"].S);
        Assert.Equal("1751241600", item["ttl"].N);
    }

    [Fact]
    public void ToItem_WhenOptionalFieldsAbsent_ShouldOmitTheirAttributes()
    {
        // Arrange
        var entry = new SuppressionEntry { Id = "x", Reason = "r", ExpiresAt = FullEntry.ExpiresAt, Function = "f" };

        // Act
        var item = SuppressionItemMapper.ToItem(entry);

        // Assert
        Assert.Equal(["expiresAt", "function", "id", "pk", "reason", "ttl"], item.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_WhenItemWrittenByToItem_ShouldGiveBackTheSameEntry()
    {
        // Act
        var result = SuppressionItemMapper.Read(SuppressionItemMapper.ToItem(FullEntry));

        // Assert
        Assert.Equal(FullEntry, result.Entry);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("", "r", "id")]
    [InlineData("x", " ", "reason")]
    public void ToItem_WhenRequiredTextMissing_ShouldThrowNamingTheField(string id, string reason, string field)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => SuppressionItemMapper.ToItem(FullEntry with { Id = id, Reason = reason }));

        // Assert
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToItem_WhenNoExpiry_ShouldThrow()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => SuppressionItemMapper.ToItem(FullEntry with { ExpiresAt = null }));

        // Assert
        Assert.Contains("expiresAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenSelectorStoredAsNumber_ShouldKeepAnEntryThatSuppressesNothingAndSayWhy()
    {
        // Arrange: dropping the field instead would widen the entry to every account.
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item["account"] = new AttributeValue { N = "123456789012" };

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.NotNull(result.Entry);
        Assert.False(SuppressionValidator.ValidateForUse(result.Entry).IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Skipped);
        Assert.Equal("deploy-role-payments", problem.Id);
        Assert.StartsWith("account: is a number, not a string", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenItemHoldsTheTablesOwnAttributes_ShouldNotTreatThemAsEntryFields()
    {
        // Arrange: pk, version and ttl are storage attributes (in a file they would be unknown keys).
        var item = SuppressionItemMapper.ToItem(FullEntry);

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.Contains("pk", item.Keys);
        Assert.Contains("ttl", item.Keys);
        Assert.Contains("version", item.Keys);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Read_WhenItemHasAnUnknownAttribute_ShouldNameItAndSuggestTheField()
    {
        // Arrange
        var item = SuppressionItemMapper.ToItem(FullEntry with { Principal = null });
        item["princpal"] = new AttributeValue { S = "arn:aws:iam::123456789012:user/bob" };

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.NotNull(result.Entry);
        Assert.Null(result.Entry.Principal);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Skipped);
        Assert.Contains("'princpal' is not an entry field", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'principal'?", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-06-30T00:00:00", false)]
    public void Read_WhenExpiryIsABareDateOrZoneless_ShouldReadItAsTheFileDoes(string expiresAt, bool readable)
    {
        // Arrange: a bare date is 00:00Z that day; a time without a zone is refused (docs/suppressions.md "Times").
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item["expiresAt"] = new AttributeValue { S = expiresAt };
        var file = SuppressionFile.Parse(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"suppressions": [{"id": "x", "reason": "r", "function": "f", "expiresAt": "{{expiresAt}}"}]}"""));

        // Act
        var fromTable = SuppressionItemMapper.Read(item).Entry!.ExpiresAt;
        var fromFile = Assert.Single(file.Entries).ExpiresAt;

        // Assert
        Assert.Equal(readable, fromTable is not null);
        Assert.Equal(fromFile, fromTable);
        if (readable)
        {
            Assert.Equal(new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero), fromTable);
        }
    }
    [Fact]
    public void Read_WhenReasonMissing_ShouldKeepAnEntryThatSuppressesNothing()
    {
        // Arrange
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item.Remove("reason");

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.NotNull(result.Entry);
        Assert.False(SuppressionValidator.ValidateForUse(result.Entry).IsValid);
        Assert.StartsWith("reason:", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("next friday")]
    [InlineData("30/06/2025")]
    public void Read_WhenExpiryUnreadable_ShouldKeepTheEntryWithoutExpiryAndReportIt(string expiresAt)
    {
        // Arrange
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item["expiresAt"] = new AttributeValue { S = expiresAt };

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert: kept (it shows up in audits) but, without an expiry, it never suppresses.
        Assert.NotNull(result.Entry);
        Assert.Null(result.Entry.ExpiresAt);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Skipped);
        Assert.Contains(expiresAt, problem.Message, StringComparison.Ordinal);
        Assert.Contains("suppresses nothing", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenSelectorIsDynamoDbNull_ShouldKeepAnEntryThatSuppressesNothing()
    {
        // Arrange: read as absent, the entry would silence every principal.
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item["principal"] = new AttributeValue { NULL = true };

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.NotNull(result.Entry);
        Assert.StartsWith("principal: is null", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.False(SuppressionValidator.ValidateForUse(result.Entry).IsValid);
    }

    [Fact]
    public void Read_WhenBookkeepingAttributeIsDynamoDbNull_ShouldTreatItAsAbsent()
    {
        // Arrange
        var item = SuppressionItemMapper.ToItem(FullEntry);
        item["createdBy"] = new AttributeValue { NULL = true };

        // Act
        var result = SuppressionItemMapper.Read(item);

        // Assert
        Assert.NotNull(result.Entry);
        Assert.Null(result.Entry.CreatedBy);
        Assert.Empty(result.Problems);
    }
    [Fact]
    public void ReadStreamImage_WhenStreamRecordImages_ShouldReadNewAndOldEntries()
    {
        // Arrange
        using var stream = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "suppressions-stream-modify.json")));
        var images = stream.RootElement.GetProperty("Records")[0].GetProperty("dynamodb");

        // Act
        var newEntry = SuppressionItemMapper.ReadStreamImage(images.GetProperty("NewImage")).Entry;
        var oldEntry = SuppressionItemMapper.ReadStreamImage(images.GetProperty("OldImage")).Entry;

        // Assert
        Assert.NotNull(newEntry);
        Assert.NotNull(oldEntry);
        Assert.Equal("deploy-role-payments", newEntry.Id);
        Assert.Equal(2, newEntry.Version);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero), newEntry.ExpiresAt);
        Assert.Equal("UpdateFunctionCode", newEntry.Api);
        Assert.Null(oldEntry.Api);
        Assert.Equal(new DateTimeOffset(2025, 4, 30, 0, 0, 0, TimeSpan.Zero), oldEntry.ExpiresAt);
    }

    [Fact]
    public void ReadStreamImage_WhenImageIsNotDynamoDbJson_ShouldSkipWithTheIdAndTheAttribute()
    {
        // Arrange
        using var image = JsonDocument.Parse("""{"id": {"S": "bad-one"}, "reason": "plain text instead of {\"S\": ...}"}""");

        // Act
        var result = SuppressionItemMapper.ReadStreamImage(image.RootElement);

        // Assert
        Assert.Null(result.Entry);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("bad-one", problem.Id);
        Assert.Contains("'reason'", problem.Message, StringComparison.Ordinal);
    }
}
