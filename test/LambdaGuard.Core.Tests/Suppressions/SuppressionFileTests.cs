using System.Text;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Suppressions;

public sealed class SuppressionFileTests
{
    [Fact]
    public void Parse_WhenFileHasBadEntries_ShouldKeepTheGoodOnesAndWarnWithPositionForEachBadOne()
    {
        // Arrange
        var json = Fixtures.Bytes("Suppressions", "with-problems.json");

        // Act
        var content = SuppressionFile.Parse(json);

        // Assert
        Assert.Equal(["deploy-role", "bad-expiry", "no-selector"], content.Entries.Select(e => e.Id));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[1]:", StringComparison.Ordinal) && w.Contains("expected an object", StringComparison.Ordinal));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[2].id:", StringComparison.Ordinal) && w.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[3].id:", StringComparison.Ordinal) && w.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[4].expiresAt:", StringComparison.Ordinal) && w.Contains("next tuesday", StringComparison.Ordinal));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[5]", StringComparison.Ordinal) && w.Contains("no selector", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenIdIsDuplicated_ShouldKeepTheFirstEntry()
    {
        // Act
        var content = SuppressionFile.Parse(Fixtures.Bytes("Suppressions", "with-problems.json"));

        // Assert
        var entry = Assert.Single(content.Entries, e => e.Id == "deploy-role");
        Assert.Equal("*DeployRole", entry.Principal);
    }

    [Fact]
    public void Parse_WhenExpiryIsUnreadable_ShouldKeepTheEntryButItNeverSuppresses()
    {
        // Act
        var content = SuppressionFile.Parse(Fixtures.Bytes("Suppressions", "with-problems.json"));

        // Assert
        var entry = Assert.Single(content.Entries, e => e.Id == "bad-expiry");
        Assert.Null(entry.ExpiresAt);
        Assert.False(SuppressionValidator.ValidateForUse(entry).IsValid);
    }

    [Fact]
    public void Parse_WhenJsonIsBroken_ShouldThrowNamingTheLine()
    {
        // Arrange
        var json = Fixtures.Bytes("Suppressions", "broken.json");

        // Act
        var error = Assert.Throws<SuppressionFileException>(() => SuppressionFile.Parse(json));

        // Assert
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"entries\": []}")]
    [InlineData("{\"suppressions\": {}}")]
    public void Parse_WhenShapeIsWrong_ShouldThrowSayingWhatIsExpected(string json)
    {
        // Act
        var error = Assert.Throws<SuppressionFileException>(() => SuppressionFile.Parse(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.Contains("\"suppressions\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenFileIsTheBundledSample_ShouldGiveTheDeployRoleEntryWithoutWarnings()
    {
        // Act
        var content = SuppressionFile.Parse(File.ReadAllBytes(LambdaGuard.Testing.RepositoryPaths.InRepo("samples", "suppressions.json")));

        // Assert
        Assert.Empty(content.Warnings);
        var entry = Assert.Single(content.Entries);
        Assert.Equal("*DeployRole", entry.Principal);
        Assert.True(entry.ExpiresAt > new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Write_WhenParsedBack_ShouldGiveTheSameEntries()
    {
        // Arrange
        SuppressionEntry[] entries =
        [
            new()
            {
                Id = "z-full",
                Reason = "all fields \"quoted\" and ünïcode",
                ExpiresAt = new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero),
                Principal = "arn:aws:iam::123456789012:role/*DeployRole",
                Function = "orders-*",
                Api = "UpdateFunctionCode",
                RuleId = "LG00?",
                Account = "123456789012",
                Region = "eu-*",
                CreatedBy = "arn:aws:iam::123456789012:user/security-admin",
                CreatedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero),
            },
            new() { Id = "a-minimal", Reason = "one selector", ExpiresAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Function = "x" },
        ];

        // Act
        var written = SuppressionFile.Write(entries);
        var parsed = SuppressionFile.Parse(Encoding.UTF8.GetBytes(written));

        // Assert
        Assert.Empty(parsed.Warnings);
        Assert.Equal(entries.OrderBy(e => e.Id, StringComparer.Ordinal), parsed.Entries);
    }

    [Theory]
    [InlineData("2027-01-31T00:00:00Z", true)]
    [InlineData("2027-01-31T02:00:00+02:00", true)]
    [InlineData("2027-01-31", true)]
    [InlineData("2027-01-31T00:00:00", false)]
    [InlineData("next tuesday", false)]
    [InlineData("", false)]
    public void TryParseTime_WhenTextGiven_ShouldAcceptOnlyTimesWithAZone(string text, bool accepted)
    {
        // Act
        var ok = SuppressionFile.TryParseTime(text, out var time);

        // Assert
        Assert.Equal(accepted, ok);
        if (accepted)
        {
            Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), time);
        }
    }
}
