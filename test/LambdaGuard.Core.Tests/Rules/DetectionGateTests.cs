using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>docs/detections.md §2 and §4: which records count, and the evaluation order.</summary>
public sealed class DetectionGateTests
{
    private const string Gates = "Rules/gates.json";

    [Theory]
    [InlineData("gate-failed", DetectionDecision.FailedCall)]
    [InlineData("gate-error-message-only", DetectionDecision.FailedCall)]
    [InlineData("gate-get", DetectionDecision.ReadOnly)]
    [InlineData("gate-list", DetectionDecision.ReadOnly)]
    [InlineData("gate-read-only-flag", DetectionDecision.ReadOnly)]
    [InlineData("gate-invoke", DetectionDecision.DataEvent)]
    [InlineData("gate-invoke-async", DetectionDecision.DataEvent)]
    [InlineData("gate-ci", DetectionDecision.ActorNotAlerted)]
    public void Detect_WhenRecordIsNotAnAlertableChange_ShouldGiveNoFinding(string eventId, DetectionDecision decision)
    {
        // Act
        var result = Detections.Of(Gates, eventId);

        // Assert
        Assert.Equal(decision, result.Decision);
        Assert.Null(result.Finding);
    }

    [Fact]
    public void Detect_WhenRecordIsFromAnotherService_ShouldIgnoreIt()
    {
        // Arrange
        var record = new CloudTrailRecord
        {
            EventSource = "s3.amazonaws.com",
            EventName = "PutBucketPolicy",
            UserIdentity = new UserIdentity { Type = "Root", Arn = "arn:aws:iam::123456789012:root" },
        };

        // Act
        var result = new Detector(new DetectorSettings()).Detect(record);

        // Assert
        Assert.Equal(DetectionDecision.NotLambda, result.Decision);
        Assert.Null(result.Finding);
    }

    [Fact]
    public void EvaluationOrder_WhenListed_ShouldFollowTheSpec()
    {
        // Act
        var order = RuleCatalog.EvaluationOrder.Select(rule => rule.Definition.Id);

        // Assert
        Assert.Equal(["LG010", "LG005", "LG004", "LG007", "LG006", "LG012", "LG008", "LG001", "LG003", "LG002", "LG009"], order);
    }

    [Theory]
    [InlineData("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted", "LG006", "LG003")]
    [InlineData("Rules/lg002-function-created.json", "lg002-untrusted-layer", "LG006", "LG002")]
    public void Detect_WhenSeveralRulesMatch_ShouldReportTheFirstAndListTheOthers(string file, string eventId, string ruleId, string alsoMatched)
    {
        // Act
        var finding = Detections.FindingOf(file, eventId);

        // Assert
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal([alsoMatched], finding.AlsoMatched);
    }

    [Theory]
    [InlineData("Rules/lg001-code-updated.json", "lg001-iam-user")]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-star")]
    [InlineData("Rules/lg008-code-signing.json", "lg008-delete")]
    public void Detect_WhenSpecificRuleMatches_ShouldNotListTheCatchAll(string file, string eventId)
    {
        // Act
        var finding = Detections.FindingOf(file, eventId);

        // Assert
        Assert.DoesNotContain("LG009", finding.AlsoMatched);
    }

    [Fact]
    public void Catalog_WhenListed_ShouldDescribeEveryRuleForTriage()
    {
        // Act
        var all = RuleCatalog.All;

        // Assert
        Assert.Equal(["LG001", "LG002", "LG003", "LG004", "LG005", "LG006", "LG007", "LG008", "LG009", "LG010", "LG011", "LG012"], all.Select(d => d.Id));
        Assert.All(all, d =>
        {
            Assert.NotEmpty(d.Title);
            Assert.NotEmpty(d.Description);
            Assert.NotEmpty(d.Runbook);
            Assert.NotEmpty(d.Mitre);
            Assert.All(d.Mitre, m => Assert.Matches(@"^TA\d{4}$", m.TacticId));
            Assert.All(d.Mitre, m => Assert.Matches(@"^T\d{4}(\.\d{3})?$", m.TechniqueId));
        });
        Assert.Equal(["LG010", "LG011"], all.Where(d => !d.Suppressible).Select(d => d.Id));
    }
}
