using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>Issue 9 "rules say their own scope": the detector decides which rules see a record from the scope
/// each rule declares, so a rule it has never heard of is gated like the catalog's own.</summary>
public sealed class DetectorScopeTests
{
    [Theory]
    [InlineData(RuleScope.OwnResources, "gate-failed", true)]
    [InlineData(RuleScope.Exposure, "gate-failed", false)]
    [InlineData(RuleScope.OwnResources, "gate-ci", true)]
    [InlineData(RuleScope.Exposure, "gate-ci", true)]
    [InlineData(RuleScope.Change, "gate-ci", false)]
    [InlineData(RuleScope.CatchAll, "gate-ci", false)]
    [InlineData(RuleScope.Audit, "gate-ci", false)]
    public void Detect_WhenCustomRuleDeclaresAScope_ShouldEvaluateItOnlyForRecordsInThatScope(RuleScope scope, string eventId, bool evaluated)
    {
        // Arrange
        var rule = new AlwaysMatchingRule(scope);
        var detector = new Detector(new DetectorSettings(), [rule]);

        // Act
        var result = detector.Detect(Fixtures.RecordById("Rules/gates.json", eventId));

        // Assert
        Assert.Equal(evaluated, rule.Evaluated);
        Assert.Equal(evaluated, result.Finding?.RuleId == "LG900");
    }

    [Fact]
    public void Detect_WhenCatchAllFollowsAMatch_ShouldNotEvaluateIt()
    {
        // Arrange
        var first = new AlwaysMatchingRule(RuleScope.Change);
        var catchAll = new AlwaysMatchingRule(RuleScope.CatchAll);
        var detector = new Detector(new DetectorSettings(), [first, catchAll]);

        // Act
        var finding = detector.Detect(Fixtures.RecordById("Rules/lg001-code-updated.json", "lg001-iam-user")).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Empty(finding.AlsoMatched);
        Assert.False(catchAll.Evaluated);
    }

    private sealed class AlwaysMatchingRule(RuleScope scope) : IDetectionRule
    {
        public RuleDefinition Definition { get; } = new("LG900", "test rule", Severity.Low, [], "test", [], [], scope);

        public bool Evaluated { get; private set; }

        public RuleMatch? Evaluate(RuleContext context)
        {
            Evaluated = true;
            return new RuleMatch(Definition, Severity.Low, ["always"]);
        }
    }
}
