using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>Trusted accounts and the trusted organization make LG004, LG006 and LG007 treat another account
/// like the own one (docs/detections.md §4 "Trusted accounts").</summary>
public sealed class TrustSettingsTests
{
    private static readonly DetectorSettings TrustPartner = new() { TrustedAccountGlobs = ["111111111111", "9999*"] };

    [Fact]
    public void Detect_WhenGrantedAccountIsTrusted_ShouldLowerLg004ToMedium()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg004-resource-policy.json", "lg004-untrusted-account", TrustPartner);

        // Assert
        Assert.Equal("LG004", finding.RuleId);
        Assert.Equal(Severity.Medium, finding.Severity);
    }

    [Fact]
    public void Detect_WhenLayerAccountIsTrusted_ShouldNotRaiseLg006()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted", TrustPartner);

        // Assert: still a human configuration change that adds layers.
        Assert.Equal("LG003", finding.RuleId);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.DoesNotContain("LG006", finding.AlsoMatched);
    }

    [Fact]
    public void Detect_WhenLayerSharedWithTrustedAccount_ShouldNotRaiseLg007()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-account", TrustPartner);

        // Assert
        Assert.Equal("LG009", finding.RuleId);
    }

    [Fact]
    public void Detect_WhenLayerSharedWithAnotherOrganizationThanTheTrustedOne_ShouldBeHigh()
    {
        // Arrange
        var settings = new DetectorSettings { TrustedOrganizationId = "o-ourorg0001" };

        // Act
        var finding = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star-org", settings);

        // Assert
        Assert.Equal("LG007", finding.RuleId);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Detect_WhenLayerSharedWithTheTrustedOrganization_ShouldNotRaiseLg007()
    {
        // Arrange
        var settings = new DetectorSettings { TrustedOrganizationId = "o-abc123def4" };

        // Act
        var finding = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star-org", settings);

        // Assert
        Assert.Equal("LG009", finding.RuleId);
    }

    [Fact]
    public void Detect_WhenLayerSharedWithEveryoneAndAccountsAreTrusted_ShouldStayCritical()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg007-layer-shared.json", "lg007-star", TrustPartner with { TrustedOrganizationId = "o-abc123def4" });

        // Assert
        Assert.Equal("LG007", finding.RuleId);
        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Fact]
    public void Detect_WhenTrustedGlobDoesNotMatchWholeAccountId_ShouldStillBeUntrusted()
    {
        // Arrange: globs are whole-string; "9999" is a prefix, not a match.
        var settings = new DetectorSettings { TrustedAccountGlobs = ["9999"] };

        // Act
        var finding = Detections.FindingOf("Rules/lg004-resource-policy.json", "lg004-untrusted-account", settings);

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
    }
}
