using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Tests.Detection;

public sealed class DetectorSettingsValidatorTests
{
    private static readonly DetectorSettingNames Names = DetectorSettingNames.CliOptions;

    [Fact]
    public void Problems_WhenEverySettingCanMatch_ShouldFindNone()
    {
        // Arrange
        var settings = new DetectorSettings
        {
            OwnFunctionGlob = "arn:aws:lambda:*:*:function:LambdaGuard-*",
            HumanRoleGlobs = ["arn:aws:iam::*:role/Admin*"],
            TrustedAccountGlobs = ["111122223333", "4444*"],
            TrustedOrganizationId = "o-abcdefghij",
        };

        // Act
        var problems = DetectorSettingsValidator.Problems(settings, Names, ownFunctionName: "LambdaGuard-Detector");

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Problems_WhenAHumanRoleIsABareName_ShouldShowTheRoleArnGlobToUse()
    {
        // Act
        var problem = Assert.Single(DetectorSettingsValidator.Problems(new DetectorSettings { HumanRoleGlobs = ["Admin"] }, Names));

        // Assert
        Assert.Equal(
            "--human-role: 'Admin' is not a role ARN glob and would never match a role; use e.g. arn:aws:iam::*:role/Admin (or arn:aws:iam::*:role/Admin* for every role whose name starts with it).",
            problem);
    }

    [Fact]
    public void Problems_WhenAHumanRoleIsASessionArn_ShouldShowTheRolesOwnArn()
    {
        // Act
        var problem = DetectorSettingsValidator.HumanRoleProblem("--human-role", "arn:aws:sts::123456789012:assumed-role/BreakGlass/jane");

        // Assert
        Assert.Contains("give the role's own ARN instead, e.g. arn:aws:iam::*:role/BreakGlass", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenSeveralSettingsAreWrong_ShouldNameEachOne()
    {
        // Arrange
        var settings = new DetectorSettings { OwnFunctionGlob = "Lambda Guard", HumanRoleGlobs = ["role/Ops"], TrustedAccountGlobs = ["12345"], TrustedOrganizationId = "org-1" };

        // Act
        var problems = DetectorSettingsValidator.Problems(settings, Names);

        // Assert
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--human-role: 'role/Ops'", StringComparison.Ordinal) && p.Contains("arn:aws:iam::*:role/Ops", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--trusted-account: '12345' is not a 12-digit account id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--own-function: 'Lambda Guard' is neither", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--trusted-org: 'org-1' is not an organization id", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_WhenTheOwnFunctionGlobMissesTheRunningDetector_ShouldSayLg010WouldNotWatchIt()
    {
        // Act
        var problem = DetectorSettingsValidator.OwnFunctionProblem("LAMBDAGUARD_OWN_FUNCTION", "secguard-*", "LambdaGuard-Detector");

        // Assert
        Assert.Contains("does not match the detector's own function LambdaGuard-Detector, so LG010 would not watch it", problem, StringComparison.Ordinal);
    }
}
