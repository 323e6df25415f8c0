using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Suppressions;

/// <summary>detections.md §5. The finding under test: alice (arn:aws:iam::123456789012:user/alice) calls
/// UpdateFunctionCode on orders-api in 123456789012 / us-east-1, rule LG001.</summary>
public sealed class SuppressionMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly Finding AliceCodeUpdate = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");

    private static SuppressionEntry Entry(string id = "e1") => new()
    {
        Id = id,
        Reason = "test",
        ExpiresAt = Now.AddDays(30),
    };

    private static SuppressionEntry WithField(string field, string pattern) => field switch
    {
        "principal" => Entry() with { Principal = pattern },
        "function" => Entry() with { Function = pattern },
        "api" => Entry() with { Api = pattern },
        "ruleId" => Entry() with { RuleId = pattern },
        "account" => Entry() with { Account = pattern },
        "region" => Entry() with { Region = pattern },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("principal", "arn:aws:iam::123456789012:user/alice", true)]
    [InlineData("principal", "*alice", true)]
    [InlineData("principal", "*ALICE", false)]
    [InlineData("principal", "alice", false)]
    [InlineData("principal", "*bob", false)]
    [InlineData("function", "orders-api", true)]
    [InlineData("function", "orders-*", true)]
    [InlineData("function", "orders-ap?", true)]
    [InlineData("function", "?rders-api", true)]
    [InlineData("function", "orders", false)]
    [InlineData("function", "orders-ap", false)]
    [InlineData("function", "orders-api?", false)]
    [InlineData("function", "Orders-api", false)]
    [InlineData("api", "UpdateFunctionCode", true)]
    [InlineData("api", "Update*", true)]
    [InlineData("api", "UpdateFunctionCode20150331v2", false)]
    [InlineData("api", "UpdateFunctionConfiguration", false)]
    [InlineData("ruleId", "LG001", true)]
    [InlineData("ruleId", "LG00?", true)]
    [InlineData("ruleId", "LG002", false)]
    [InlineData("ruleId", "lg001", false)]
    [InlineData("account", "123456789012", true)]
    [InlineData("account", "1234*", true)]
    [InlineData("account", "999999999999", false)]
    [InlineData("region", "us-east-1", true)]
    [InlineData("region", "us-*", true)]
    [InlineData("region", "eu-*", false)]
    public void FindMatch_WhenOneSelectorSet_ShouldSuppressOnlyWhenItsGlobMatchesTheWholeValue(string field, string pattern, bool suppresses)
    {
        // Arrange
        var entry = WithField(field, pattern);

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], Now);

        // Assert
        Assert.Equal(suppresses, match is not null);
    }

    [Fact]
    public void FindMatch_WhenEverySelectorMustMatchAndOneDoesNot_ShouldNotSuppress()
    {
        // Arrange
        var entry = Entry() with { Principal = "*alice", Function = "orders-api", Region = "eu-west-1" };

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], Now);
        var explanation = SuppressionMatcher.Explain(entry, AliceCodeUpdate, Now);

        // Assert
        Assert.Null(match);
        Assert.Equal(["principal", "function", "region"], explanation.Checks.Select(c => c.Field));
        Assert.Equal([true, true, false], explanation.Checks.Select(c => c.Matched));
    }

    [Fact]
    public void FindMatch_WhenSeveralEntriesMatch_ShouldReturnTheFirst()
    {
        // Arrange
        var first = Entry("first") with { Function = "orders-*" };
        var second = Entry("second") with { Principal = "*alice" };

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [Entry("miss") with { Function = "x" }, first, second], Now);

        // Assert
        Assert.Equal("first", match?.Id);
    }

    [Fact]
    public void FindMatch_WhenRoleSessionPrincipal_ShouldMatchTheIssuerRoleNotTheSessionName()
    {
        // Arrange: the SSO user's session is assumed-role/AWSReservedSSO_.../bob@example.com.
        var finding = Detections.FindingOf("Actors/identities.json", "actor-sso-by-path");
        var onSession = Entry("session") with { Principal = "*dave@example.com" };
        var onRole = Entry("role") with { Principal = "*/DevAdmin_abc123" };

        // Act
        var sessionMatch = SuppressionMatcher.FindMatch(finding, [onSession], Now);
        var roleMatch = SuppressionMatcher.FindMatch(finding, [onRole], Now);

        // Assert
        Assert.Null(sessionMatch);
        Assert.Equal("role", roleMatch?.Id);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void FindMatch_WhenExpiryIsJudgedAgainstNow_ShouldIgnoreEntriesExpiredAtOrBeforeNow(int secondsAfterNow, bool suppresses)
    {
        // Arrange
        var entry = Entry() with { Function = "orders-api", ExpiresAt = Now.AddSeconds(secondsAfterNow) };

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], Now);

        // Assert
        Assert.Equal(suppresses, match is not null);
    }

    [Fact]
    public void FindMatch_WhenBacktestingAtAnEarlierTime_ShouldHonourAnEntryThatHasSinceExpired()
    {
        // Arrange: what scan --as-of does: the same entry, judged at two times.
        var entry = Entry() with { Function = "orders-api", ExpiresAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var before = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], new DateTimeOffset(2026, 5, 31, 0, 0, 0, TimeSpan.Zero));
        var after = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.NotNull(before);
        Assert.Null(after);
        Assert.Contains("expired", SuppressionMatcher.Explain(entry, AliceCodeUpdate, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero)).Blocker, StringComparison.Ordinal);
    }

    [Fact]
    public void FindMatch_WhenEntryHasNoValidExpiry_ShouldNotSuppress()
    {
        // Arrange
        var entry = Entry() with { Function = "orders-api", ExpiresAt = null };

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], Now);

        // Assert
        Assert.Null(match);
    }

    [Fact]
    public void FindMatch_WhenEntryHasNoSelector_ShouldIgnoreIt()
    {
        // Arrange
        var entry = Entry();

        // Act
        var match = SuppressionMatcher.FindMatch(AliceCodeUpdate, [entry], Now);
        var explanation = SuppressionMatcher.Explain(entry, AliceCodeUpdate, Now);

        // Assert
        Assert.Null(match);
        Assert.Contains("no selector", explanation.Blocker, StringComparison.Ordinal);
    }

    [Fact]
    public void FindMatch_WhenEntryIsBroad_ShouldSuppressEverySuppressibleFinding()
    {
        // Arrange
        var broad = Entry() with { Principal = "*", Function = "*", Api = "*", RuleId = "*", Account = "*", Region = "*" };
        var layerShare = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star");

        // Act
        var codeMatch = SuppressionMatcher.FindMatch(AliceCodeUpdate, [broad], Now);
        var layerMatch = SuppressionMatcher.FindMatch(layerShare, [broad], Now);

        // Assert
        Assert.NotNull(codeMatch);
        Assert.NotNull(layerMatch);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("shared-config", false)]
    [InlineData("?*", false)]
    public void FindMatch_WhenFindingHasNoFunctionName_ShouldMatchOnlyAPatternThatAcceptsNothing(string function, bool suppresses)
    {
        // Arrange: a layer share names a layer, not a function.
        var layerShare = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star");
        var entry = Entry() with { Principal = "*alice", Function = function };

        // Act
        var match = SuppressionMatcher.FindMatch(layerShare, [entry], Now);

        // Assert
        Assert.Equal(suppresses, match is not null);
    }

    [Theory]
    [InlineData("*", null, true)]
    [InlineData("**", "*", true)]
    [InlineData("*", "orders-*", false)]
    [InlineData("?*", null, false)]
    public void IsBroad_WhenSelectorsGiven_ShouldBeTrueOnlyWhenEveryPresentSelectorIsStars(string principal, string? function, bool broad)
    {
        // Arrange
        var entry = Entry() with { Principal = principal, Function = function };

        // Act
        var isBroad = SuppressionValidator.IsBroad(entry);

        // Assert
        Assert.Equal(broad, isBroad);
    }

    [Fact]
    public void FindMatch_WhenFindingIsLg011_ShouldNeverSuppress()
    {
        // Arrange
        var audit = AliceCodeUpdate with { Rule = SuppressionListChangedRule.Definition };
        var broad = Entry() with { Principal = "*", RuleId = "*" };

        // Act
        var match = SuppressionMatcher.FindMatch(audit, [broad, Entry("exact") with { RuleId = "LG011" }], Now);

        // Assert
        Assert.Null(match);
    }
}
