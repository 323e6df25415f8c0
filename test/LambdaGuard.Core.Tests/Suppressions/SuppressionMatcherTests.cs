using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Suppressions;

/// <summary>docs/detections.md §5. The finding under test: alice (arn:aws:iam::123456789012:user/alice) calls
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
    public void FindMatch_WhenEntryIsBroad_ShouldSuppressEverySuppressibleFindingThatIsNotCritical()
    {
        // Arrange
        var broad = Entry() with { Principal = "*", Function = "*", Api = "*", RuleId = "*", Account = "*", Region = "*" };
        var layerToAccount = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-account");
        var layerToEveryone = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star");

        // Act
        var codeMatch = SuppressionMatcher.FindMatch(AliceCodeUpdate, [broad], Now);
        var layerMatch = SuppressionMatcher.FindMatch(layerToAccount, [broad], Now);
        var criticalMatch = SuppressionMatcher.FindMatch(layerToEveryone, [broad], Now);

        // Assert
        Assert.NotNull(codeMatch);
        Assert.NotNull(layerMatch);
        Assert.Null(criticalMatch);
        Assert.Contains("Critical", SuppressionMatcher.Explain(broad, layerToEveryone, Now).Blocker, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("shared-config", false)]
    [InlineData("?*", false)]
    public void FindMatch_WhenFindingHasNoFunctionName_ShouldMatchOnlyAPatternThatAcceptsNothing(string function, bool suppresses)
    {
        // Arrange: a layer share names a layer, not a function.
        var layerShare = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-account");
        var entry = Entry() with { Principal = "arn:aws:iam::123456789012:user/alice", Function = function };

        // Act
        var match = SuppressionMatcher.FindMatch(layerShare, [entry], Now);

        // Assert
        Assert.Equal(suppresses, match is not null);
    }

    [Theory]
    [InlineData("LG005", "orders-api", true)]
    [InlineData("LG00?", "orders-api", false)]
    [InlineData("LG005", "orders-*", false)]
    [InlineData("LG005", "orders-ap?", false)]
    [InlineData("LG005", null, false)]
    [InlineData(null, "orders-api", false)]
    [InlineData("LG005", "billing-api", false)]
    public void FindMatch_WhenFindingIsCritical_ShouldSuppressOnlyWhenRuleIdAndFunctionNameItExactly(string? ruleId, string? function, bool suppresses)
    {
        // Arrange: alice opens a public function URL on orders-api (LG005, Critical).
        var publicUrl = Detections.FindingOf("Rules/lg005-public-url.json", "lg005-create-none");
        var entry = Entry() with { Principal = "arn:aws:iam::123456789012:user/alice", RuleId = ruleId, Function = function };

        // Act
        var match = SuppressionMatcher.FindMatch(publicUrl, [entry], Now);

        // Assert
        Assert.Equal(Severity.Critical, publicUrl.Severity);
        Assert.Equal(suppresses, match is not null);
    }

    [Fact]
    public void FindMatch_WhenAnExactLg004EntryIsForRoutineGrants_ShouldNotHideAStarGrant()
    {
        // Arrange: an entry written for alice's same-account grants, pinned to the rule but not the function.
        var routine = Entry() with { Principal = "arn:aws:iam::123456789012:user/alice", RuleId = "LG004" };
        var ownAccountGrant = Detections.FindingOf("Rules/lg004-resource-policy.json", "lg004-own-account");
        var starGrant = Detections.FindingOf("Rules/lg004-resource-policy.json", "lg004-star");

        // Act
        var routineMatch = SuppressionMatcher.FindMatch(ownAccountGrant, [routine], Now);
        var starMatch = SuppressionMatcher.FindMatch(starGrant, [routine], Now);

        // Assert
        Assert.NotEqual(Severity.Critical, ownAccountGrant.Severity);
        Assert.NotNull(routineMatch);
        Assert.Equal(Severity.Critical, starGrant.Severity);
        Assert.Null(starMatch);
    }

    [Fact]
    public void FindMatch_WhenRootRaisedTheFindingToCritical_ShouldNeedAnEntryPinnedToRuleAndFunction()
    {
        // Arrange
        var rootCodeUpdate = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-root");
        var loose = Entry("loose") with { RuleId = "LG001", Function = "orders-*" };
        var pinned = Entry("pinned") with { RuleId = "LG001", Function = "orders-api" };

        // Act
        var looseMatch = SuppressionMatcher.FindMatch(rootCodeUpdate, [loose], Now);
        var pinnedMatch = SuppressionMatcher.FindMatch(rootCodeUpdate, [pinned], Now);

        // Assert
        Assert.Equal(Severity.Critical, rootCodeUpdate.Severity);
        Assert.Null(looseMatch);
        Assert.Equal("pinned", pinnedMatch?.Id);
    }

    [Theory]
    [InlineData("LG010")]
    [InlineData("LG011")]
    [InlineData("LG0?0")]
    [InlineData("LG999")]
    public void FindMatch_WhenRuleIdMatchesNoSuppressibleRule_ShouldIgnoreTheWholeEntry(string ruleId)
    {
        // Arrange: the other selectors alone would match alice's LG001.
        var entry = Entry() with { Function = "orders-api", RuleId = ruleId };

        // Act
        var explanation = SuppressionMatcher.Explain(entry, AliceCodeUpdate, Now);

        // Assert
        Assert.False(explanation.Suppresses);
        Assert.Contains("invalid", explanation.Blocker, StringComparison.Ordinal);
        Assert.Contains("ruleId", explanation.Blocker, StringComparison.Ordinal);
    }

    [Fact]
    public void FindMatch_WhenEntryCarriesAReadProblem_ShouldIgnoreItEvenThoughEverySelectorMatches()
    {
        // Arrange: what the readers record for {"princpal": ...}: the typo'd selector is not in the entry.
        var entry = Entry() with
        {
            Function = "orders-api",
            ReadProblems = [new SuppressionProblem("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")],
        };

        // Act
        var explanation = SuppressionMatcher.Explain(entry, AliceCodeUpdate, Now);

        // Assert
        Assert.True(explanation.Checks.All(c => c.Matched));
        Assert.False(explanation.Suppresses);
        Assert.Contains("princpal", explanation.Blocker, StringComparison.Ordinal);
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
