using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>LG010: any change to the detector by any actor, failed attempts included; never suppressible.</summary>
public sealed class OwnResourceRuleTests
{
    private const string File = "Rules/lg010-own-resources.json";

    [Theory]
    [InlineData("lg010-human", ActorClass.Human, Severity.Critical)]
    [InlineData("lg010-automation", ActorClass.Automation, Severity.Critical)]
    [InlineData("lg010-aws-service", ActorClass.AwsService, Severity.Critical)]
    [InlineData("lg010-by-arn", ActorClass.Human, Severity.Critical)]
    [InlineData("lg010-alias", ActorClass.Automation, Severity.Critical)]
    [InlineData("lg010-failed", ActorClass.Human, Severity.Medium)]
    [InlineData("lg010-failed-automation", ActorClass.Automation, Severity.Medium)]
    [InlineData("lg010-cloudformation", ActorClass.Human, Severity.Medium)]
    public void Detect_WhenDetectorFunctionChanged_ShouldRaiseLg010ForAnyActor(string eventId, ActorClass actorClass, Severity severity)
    {
        // Act
        var finding = Detections.FindingOf(File, eventId);

        // Assert
        Assert.Equal("LG010", finding.RuleId);
        Assert.Equal(actorClass, finding.Actor.Class);
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void Detect_WhenChangeToDetectorFailed_ShouldBeMarkedAsAnAttempt()
    {
        // Act
        var finding = Detections.FindingOf(File, "lg010-failed");

        // Assert
        Assert.True(finding.FailedAttempt);
        Assert.Contains(finding.Reasons, r => r.Contains("AccessDeniedException", StringComparison.Ordinal));
        Assert.Contains("tried to call", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_WhenPermissionAddedToDetector_ShouldRaiseLg010WithLg004AlsoMatched()
    {
        // Act
        var finding = Detections.FindingOf(File, "lg010-permission");

        // Assert
        Assert.Equal("LG010", finding.RuleId);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(["LG004"], finding.AlsoMatched);
    }

    [Theory]
    [InlineData("lg010-read-only", DetectionDecision.ReadOnly)]
    [InlineData("lg010-invoke", DetectionDecision.DataEvent)]
    public void Detect_WhenDetectorIsOnlyReadOrInvoked_ShouldNotAlert(string eventId, DetectionDecision decision)
    {
        // Act
        var result = Detections.Of(File, eventId);

        // Assert
        Assert.Equal(decision, result.Decision);
        Assert.Null(result.Finding);
    }

    [Fact]
    public void Detect_WhenOwnFunctionGlobConfigured_ShouldRecogniseOnlyThatName()
    {
        // Arrange
        var settings = new DetectorSettings { OwnFunctionGlob = "secguard-*" };

        // Act
        var custom = Detections.Of(File, "lg010-custom-name", settings);
        var defaultName = Detections.Of(File, "lg010-human", settings);
        var customWithDefaults = Detections.Of(File, "lg010-custom-name");

        // Assert
        Assert.Equal("LG010", custom.Finding?.RuleId);
        Assert.Equal("LG003", defaultName.Finding?.RuleId);
        Assert.Null(customWithDefaults.Finding);
    }

    [Fact]
    public void FindMatch_WhenBroadEntryCoversLg010_ShouldNeverSuppressIt()
    {
        // Arrange
        var finding = Detections.FindingOf(File, "lg010-human");
        SuppressionEntry[] entries =
        [
            new() { Id = "broad", Reason = "everything", ExpiresAt = DateTimeOffset.MaxValue, Principal = "*", Function = "*", Api = "*", RuleId = "*", Account = "*", Region = "*" },
            new() { Id = "exact", Reason = "detector deploys", ExpiresAt = DateTimeOffset.MaxValue, RuleId = "LG010", Function = "LambdaGuard-Detector" },
        ];

        // Act
        var match = SuppressionMatcher.FindMatch(finding, entries, DateTimeOffset.UnixEpoch);
        var explanation = SuppressionMatcher.Explain(entries[0], finding, DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Null(match);
        Assert.False(explanation.Suppresses);
        Assert.Contains("never suppressible", explanation.Blocker, StringComparison.Ordinal);
    }
}
