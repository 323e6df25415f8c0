using System.Text;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;
using LambdaGuard.Core.Time;

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
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[3] 'deploy-role'", StringComparison.Ordinal) && w.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(content.Warnings, w => w.StartsWith("suppressions[4] 'bad-expiry'.expiresAt:", StringComparison.Ordinal) && w.Contains("next tuesday", StringComparison.Ordinal));
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
    public void Parse_WhenFileIsTheBundledSample_ShouldGiveAnchoredPinnedEntriesWithoutWarnings()
    {
        // Act
        var content = SuppressionFile.Parse(File.ReadAllBytes(LambdaGuard.Testing.RepositoryPaths.InRepo("samples", "suppressions.json")));

        // Assert: seed case 9's identity is the IAM user DeployRole, named exactly; every entry names its rule and function.
        Assert.Empty(content.Warnings);
        var deployRole = Assert.Single(content.Entries, e => e.Id == "deploy-role-legacy-cleanup");
        Assert.Equal("arn:aws:iam::123456789012:user/DeployRole", deployRole.Principal);
        Assert.All(content.Entries, e =>
        {
            Assert.True(SuppressionValidator.IsAnchoredPrincipal(e.Principal!), e.Id);
            Assert.DoesNotContain('*', e.RuleId!);
            Assert.DoesNotContain('*', e.Function!);
            Assert.True(e.ExpiresAt > new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero), e.Id);
        });
    }

    public static TheoryData<string, string> FailClosedEntries() => new()
    {
        { "typo-princpal", "princpal" },
        { "principal-number", "principal" },
        { "principal-array", "principal" },
        { "principal-null", "principal" },
        { "principal-empty", "principal" },
        { "function-number", "function" },
        { "rule-never-suppressible", "ruleId" },
        { "rule-unknown", "ruleId" },
        { "expiry-zoneless", "expiresAt" },
        { "expiry-missing", "expiresAt" },
        { "no-selector", "entry" },
        { "reason-missing", "reason" },
        { "reason-number", "reason" },
        { "created-at-unreadable", "createdAt" },
    };

    [Theory]
    [MemberData(nameof(FailClosedEntries))]
    public void Parse_WhenAnEntryHasAnyProblem_ShouldWarnNamingEntryAndFieldAndNeverSuppress(string id, string field)
    {
        // Arrange: without the problem field, most of these entries would silence alice's LG001 on orders-api.
        var aliceCodeUpdate = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");

        // Act
        var content = SuppressionFile.Parse(Fixtures.Bytes("Suppressions", "fail-closed.json"));

        // Assert
        var entry = Assert.Single(content.Entries, e => e.Id == id);
        Assert.Contains(content.Warnings, w => w.Contains($"'{id}'.{field}:", StringComparison.Ordinal) && w.Contains("suppresses nothing", StringComparison.Ordinal));
        Assert.Contains(SuppressionValidator.ValidateForUse(entry).Problems, p => p.Field == field);
        Assert.Null(SuppressionMatcher.FindMatch(aliceCodeUpdate, [entry], new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Parse_WhenFailClosedFixtureRead_ShouldKeepEveryEntryAndWarnAboutEach()
    {
        // Act
        var content = SuppressionFile.Parse(Fixtures.Bytes("Suppressions", "fail-closed.json"));

        // Assert
        Assert.Equal(FailClosedEntries().Select(row => (string)row[0]).Order(StringComparer.Ordinal), content.Entries.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(content.Entries, e => Assert.False(SuppressionValidator.ValidateForUse(e).IsValid, e.Id));
    }

    [Theory]
    [InlineData("version", "3")]
    [InlineData("pk", "\"suppression\"")]
    [InlineData("ttl", "4102444800")]
    public void Parse_WhenFileHoldsATableStorageAttribute_ShouldTreatItAsAnUnknownField(string name, string value)
    {
        // Arrange: the table's own attributes are allowed in table items only.
        var json = $$"""{"suppressions": [{"id": "x", "reason": "r", "expiresAt": "2099-01-01T00:00:00Z", "function": "f", "{{name}}": {{value}}}]}""";

        // Act
        var content = SuppressionFile.Parse(Encoding.UTF8.GetBytes(json));

        // Assert
        var warning = Assert.Single(content.Warnings);
        Assert.Contains($"'x'.{name}: '{name}' is not an entry field", warning, StringComparison.Ordinal);
        Assert.False(SuppressionValidator.ValidateForUse(Assert.Single(content.Entries)).IsValid);
    }

    [Fact]
    public void Parse_WhenSelectorNameIsMistyped_ShouldSuggestTheField()
    {
        // Act
        var content = SuppressionFile.Parse(Fixtures.Bytes("Suppressions", "fail-closed.json"));

        // Assert
        Assert.Contains(content.Warnings, w => w.Contains("'typo-princpal'.princpal", StringComparison.Ordinal) && w.Contains("did you mean 'principal'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenSelectorAppearsTwice_ShouldIgnoreTheEntry()
    {
        // Arrange: which of two values a JSON reader keeps differs between tools; neither is trusted.
        var json = """{"suppressions": [{"id": "x", "reason": "r", "expiresAt": "2099-01-01T00:00:00Z", "principal": "arn:aws:iam::123456789012:user/bob", "principal": "*"}]}""";

        // Act
        var content = SuppressionFile.Parse(Encoding.UTF8.GetBytes(json));

        // Assert
        Assert.Contains(content.Warnings, w => w.Contains("'x'.principal: 'principal' appears more than once", StringComparison.Ordinal));
        Assert.False(SuppressionValidator.ValidateForUse(Assert.Single(content.Entries)).IsValid);
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
                Principal = "arn:aws:iam::123456789012:role/Deploy*",
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
        var ok = IsoTime.TryParse(text, out var time);

        // Assert
        Assert.Equal(accepted, ok);
        if (accepted)
        {
            Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), time);
        }
    }
}
