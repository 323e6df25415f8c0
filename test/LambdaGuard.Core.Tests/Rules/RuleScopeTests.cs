using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>docs/detections.md §3: the catalog declares each rule's scope, and the scopes a record is
/// evaluated in follow from its actor and whether the call failed.</summary>
public sealed class RuleScopeTests
{
    [Theory]
    [InlineData("LG001", RuleScope.Change)]
    [InlineData("LG002", RuleScope.Change)]
    [InlineData("LG003", RuleScope.Change)]
    [InlineData("LG004", RuleScope.Exposure)]
    [InlineData("LG005", RuleScope.Exposure)]
    [InlineData("LG006", RuleScope.Exposure)]
    [InlineData("LG007", RuleScope.Exposure)]
    [InlineData("LG008", RuleScope.Exposure)]
    [InlineData("LG009", RuleScope.CatchAll)]
    [InlineData("LG010", RuleScope.OwnResources)]
    [InlineData("LG011", RuleScope.Audit)]
    [InlineData("LG012", RuleScope.Exposure)]
    public void Catalog_WhenRuleLooked_ShouldDeclareItsScope(string ruleId, RuleScope scope)
    {
        // Act
        var definition = RuleCatalog.Find(ruleId);

        // Assert
        Assert.NotNull(definition);
        Assert.Equal(scope, definition.Scope);
    }

    [Fact]
    public void Catalog_WhenLg004Listed_ShouldSayItsMediumGrantsAreChanges()
    {
        // Act
        var note = RuleCatalog.Find("LG004")?.ScopeNote;

        // Assert
        Assert.NotNull(note);
        Assert.Contains("Medium", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActorClass.Human, false, false, new[] { RuleScope.OwnResources, RuleScope.Exposure, RuleScope.Change, RuleScope.CatchAll })]
    [InlineData(ActorClass.Unknown, false, false, new[] { RuleScope.OwnResources, RuleScope.Exposure, RuleScope.Change, RuleScope.CatchAll })]
    [InlineData(ActorClass.Automation, false, false, new[] { RuleScope.OwnResources, RuleScope.Exposure })]
    [InlineData(ActorClass.Automation, true, false, new[] { RuleScope.OwnResources, RuleScope.Exposure, RuleScope.Change, RuleScope.CatchAll })]
    [InlineData(ActorClass.AwsService, false, false, new[] { RuleScope.OwnResources })]
    [InlineData(ActorClass.Human, false, true, new[] { RuleScope.OwnResources })]
    [InlineData(ActorClass.Automation, true, true, new[] { RuleScope.OwnResources })]
    [InlineData(ActorClass.Root, false, true, new[] { RuleScope.OwnResources, RuleScope.CatchAll })]
    public void For_WhenActorAndOutcomeGiven_ShouldOpenTheSpecScopes(ActorClass actorClass, bool untrustedCaller, bool failed, RuleScope[] expected)
    {
        // Arrange
        var actor = new Actor(actorClass, "test", null, null, null, untrustedCaller, false, false, null, null) { UntrustedCaller = untrustedCaller };

        // Act
        var scopes = RuleScopes.For(actor, failed);

        // Assert
        Assert.Equal(expected.Order(), scopes.Order());
        Assert.DoesNotContain(RuleScope.Audit, scopes);
    }
}
