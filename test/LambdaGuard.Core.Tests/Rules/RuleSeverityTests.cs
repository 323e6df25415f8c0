using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>docs/detections.md §4: each rule LG001–LG009 with its severity variants, for a human IAM user in
/// account 123456789012 with default settings (no trusted accounts, no organization).</summary>
public sealed class RuleSeverityTests
{
    [Theory]
    [InlineData("Rules/lg001-code-updated.json", "lg001-iam-user", "LG001", Severity.High)]
    [InlineData("Rules/lg002-function-created.json", "lg002-plain", "LG002", Severity.Medium)]
    [InlineData("Rules/lg002-function-created.json", "lg002-own-layer", "LG002", Severity.Medium)]
    [InlineData("Rules/lg003-configuration-changed.json", "lg003-environment", "LG003", Severity.Medium)]
    [InlineData("Rules/lg003-configuration-changed.json", "lg003-role", "LG003", Severity.High)]
    [InlineData("Rules/lg003-configuration-changed.json", "lg003-own-layers", "LG003", Severity.High)]
    [InlineData("Rules/lg003-configuration-changed.json", "lg003-layers-removed", "LG003", Severity.Medium)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-star", "LG004", Severity.Critical)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-url-none", "LG004", Severity.Critical)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-untrusted-account", "LG004", Severity.High)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-untrusted-account-arn", "LG004", Severity.High)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-service-no-source", "LG004", Severity.High)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-service-with-source", "LG004", Severity.Medium)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-own-account", "LG004", Severity.Medium)]
    [InlineData("Rules/lg004-resource-policy.json", "lg004-star-with-org", "LG004", Severity.High)]
    [InlineData("Rules/lg005-public-url.json", "lg005-create-none", "LG005", Severity.Critical)]
    [InlineData("Rules/lg005-public-url.json", "lg005-update-none", "LG005", Severity.Critical)]
    [InlineData("Rules/lg005-public-url.json", "lg005-create-iam", "LG009", Severity.Low)]
    [InlineData("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted", "LG006", Severity.High)]
    [InlineData("Rules/lg006-untrusted-layer.json", "lg006-layer-objects", "LG006", Severity.High)]
    [InlineData("Rules/lg002-function-created.json", "lg002-untrusted-layer", "LG006", Severity.High)]
    [InlineData("Rules/lg007-layer-shared.json", "lg007-star", "LG007", Severity.Critical)]
    [InlineData("Rules/lg007-layer-shared.json", "lg007-account", "LG007", Severity.High)]
    [InlineData("Rules/lg007-layer-shared.json", "lg007-star-org", "LG007", Severity.High)]
    [InlineData("Rules/lg008-code-signing.json", "lg008-delete", "LG008", Severity.High)]
    [InlineData("Rules/lg008-code-signing.json", "lg008-update-warn", "LG008", Severity.High)]
    [InlineData("Rules/lg008-code-signing.json", "lg008-create-warn", "LG008", Severity.High)]
    [InlineData("Rules/lg008-code-signing.json", "lg008-update-enforce", "LG009", Severity.Low)]
    [InlineData("Rules/lg009-other-change.json", "lg009-delete-function", "LG009", Severity.Medium)]
    [InlineData("Rules/lg009-other-change.json", "lg009-remove-permission", "LG009", Severity.Medium)]
    [InlineData("Rules/lg009-other-change.json", "lg009-remove-layer-permission", "LG009", Severity.Medium)]
    [InlineData("Rules/lg009-other-change.json", "lg009-delete-concurrency", "LG009", Severity.Medium)]
    [InlineData("Rules/lg009-other-change.json", "lg009-tag", "LG009", Severity.Low)]
    [InlineData("Rules/lg009-other-change.json", "lg009-concurrency", "LG009", Severity.Medium)]
    [InlineData("Rules/lg009-other-change.json", "lg009-unknown-api", "LG009", Severity.Low)]
    public void Detect_WhenHumanMakesChange_ShouldRaiseTheRuleWithItsSeverity(string file, string eventId, string ruleId, Severity severity)
    {
        // Act
        var finding = Detections.FindingOf(file, eventId);

        // Assert
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(severity, finding.Severity);
        Assert.NotEmpty(finding.Reasons);
    }

    [Fact]
    public void Detect_WhenRoleChanges_ShouldNameTheRoleInTheReasons()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg003-configuration-changed.json", "lg003-role");

        // Assert
        Assert.Contains(finding.Reasons, r => r.Contains("arn:aws:iam::123456789012:role/orders-api-admin", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_WhenUnknownApiIsNotReadOnly_ShouldCallItAnUnknownChange()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg009-other-change.json", "lg009-unknown-api");

        // Assert
        Assert.Equal("FrobnicateFunction", finding.Api);
        Assert.Contains(finding.Reasons, r => r.Contains("does not know", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_WhenUntrustedLayerAttached_ShouldNameTheLayerAccount()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted");

        // Assert
        var reason = Assert.Single(finding.Reasons);
        Assert.Contains("999999999999", reason, StringComparison.Ordinal);
        Assert.Equal(2, finding.Target.Layers.Count);
    }

    [Theory]
    [InlineData("Rules/lg001-code-updated.json", "lg001-root", "LG001")]
    [InlineData("Rules/gates.json", "gate-root-tag", "LG009")]
    public void Detect_WhenRootMakesChange_ShouldRaiseToCritical(string file, string eventId, string ruleId)
    {
        // Act
        var finding = Detections.FindingOf(file, eventId);

        // Assert
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains(finding.Reasons, r => r.Contains("root", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_WhenSummaryWritten_ShouldNameActorActionFunctionAccountAndRegion()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");

        // Assert
        Assert.Contains("arn:aws:iam::123456789012:user/alice", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("UpdateFunctionCode", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("orders-api", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("123456789012", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("us-east-1", finding.Summary, StringComparison.Ordinal);
    }
}
