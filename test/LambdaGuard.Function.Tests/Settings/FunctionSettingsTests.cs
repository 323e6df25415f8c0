using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Tests.Settings;

public sealed class FunctionSettingsTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        [FunctionSettings.SuppressionsTableVariable] = "LambdaGuard-Suppressions",
        [FunctionSettings.ClaimsTableVariable] = "LambdaGuard-AlertClaims",
        [FunctionSettings.TopicArnVariable] = "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-Alerts",
        [FunctionSettings.TimeoutSecondsVariable] = "30",
    };

    [Fact]
    public void FromEnvironment_WhenOnlyRequiredVariablesSet_ShouldUseContractDefaults()
    {
        // Arrange
        var environment = Valid();

        // Act
        var settings = FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Assert
        Assert.Equal("*LambdaGuard*", settings.Detector.OwnFunctionGlob);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.SuppressionCacheDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(27), settings.WorkBudget);
        Assert.True(settings.ClaimLease > settings.Timeout);
        Assert.Empty(settings.Detector.HumanRoleGlobs);
        Assert.Null(settings.CoverageQuietWindow);
    }

    [Fact]
    public void FromEnvironment_WhenTheHubSetsTheCoverageQuietMinutes_ShouldReadTheWindow()
    {
        // Arrange
        var environment = Valid();
        environment[FunctionSettings.CoverageQuietMinutesVariable] = "240";

        // Act
        var settings = FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Assert
        Assert.Equal(TimeSpan.FromHours(4), settings.CoverageQuietWindow);
    }

    [Fact]
    public void FromEnvironment_WhenListsAreCommaSeparated_ShouldSplitAndTrimThem()
    {
        // Arrange
        var environment = Valid();
        environment[FunctionSettings.HumanRolesVariable] = " arn:aws:iam::*:role/Admin* , arn:aws:iam::*:role/BreakGlass,";
        environment[FunctionSettings.TrustedAccountsVariable] = "111111111111,2222*";
        environment[FunctionSettings.TrustedOrgIdVariable] = "o-abc123def4";
        environment[FunctionSettings.OwnFunctionVariable] = "Guard-*";
        environment[FunctionSettings.SuppressionCacheSecondsVariable] = "0";

        // Act
        var settings = FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Assert
        Assert.Equal(["arn:aws:iam::*:role/Admin*", "arn:aws:iam::*:role/BreakGlass"], settings.Detector.HumanRoleGlobs);
        Assert.Equal(["111111111111", "2222*"], settings.Detector.TrustedAccountGlobs);
        Assert.Equal("o-abc123def4", settings.Detector.TrustedOrganizationId);
        Assert.Equal("Guard-*", settings.Detector.OwnFunctionGlob);
        Assert.Equal(TimeSpan.Zero, settings.SuppressionCacheDuration);
    }

    [Fact]
    public void FromEnvironment_WhenVariablesMissingOrInvalid_ShouldNameEachOne()
    {
        // Arrange
        var environment = Valid();
        environment.Remove(FunctionSettings.ClaimsTableVariable);
        environment[FunctionSettings.TopicArnVariable] = "LambdaGuard-Alerts";
        environment[FunctionSettings.TimeoutSecondsVariable] = "thirty";
        environment[FunctionSettings.SuppressionCacheSecondsVariable] = "-5";
        environment[FunctionSettings.CoverageQuietMinutesVariable] = "0";

        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Contains("LAMBDAGUARD_CLAIMS_TABLE is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("LAMBDAGUARD_TOPIC_ARN is 'LambdaGuard-Alerts', not an SNS topic ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains("LAMBDAGUARD_TIMEOUT_SECONDS is 'thirty'", error.Message, StringComparison.Ordinal);
        Assert.Contains("LAMBDAGUARD_SUPPRESSION_CACHE_SECONDS is '-5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("LAMBDAGUARD_COVERAGE_QUIET_MINUTES: '0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_WhenTimeoutMissing_ShouldSayItIsTheFunctionTimeout()
    {
        // Arrange
        var environment = Valid();
        environment.Remove(FunctionSettings.TimeoutSecondsVariable);

        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Contains("LAMBDAGUARD_TIMEOUT_SECONDS is not set (the function timeout in seconds)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FunctionSettings.HumanRolesVariable, "arn:aws:iam::*:role/Ops,Admin", "LAMBDAGUARD_HUMAN_ROLES: 'Admin' is not a role ARN glob", "arn:aws:iam::*:role/Admin")]
    [InlineData(FunctionSettings.TrustedAccountsVariable, "12345", "LAMBDAGUARD_TRUSTED_ACCOUNTS: '12345' is not a 12-digit account id", "e.g. 111122223333")]
    [InlineData(FunctionSettings.OwnFunctionVariable, "arn:aws:lambda:us-east-1:*:function", "LAMBDAGUARD_OWN_FUNCTION: 'arn:aws:lambda:us-east-1:*:function' is neither", "*LambdaGuard*")]
    [InlineData(FunctionSettings.TrustedOrgIdVariable, "org-123", "LAMBDAGUARD_TRUSTED_ORG_ID: 'org-123' is not an organization id", "o-abcdefghij")]
    public void FromEnvironment_WhenAGlobCanNeverMatch_ShouldFailAtStartNamingTheVariableAndTheFix(string variable, string value, string problem, string fix)
    {
        // Arrange
        var environment = Valid();
        environment[variable] = value;

        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_WhenTheOwnFunctionGlobMissesTheRunningFunction_ShouldFailAtStart()
    {
        // Arrange
        var environment = Valid();
        environment[FunctionSettings.OwnFunctionVariable] = "secguard-*";
        environment["AWS_LAMBDA_FUNCTION_NAME"] = "LambdaGuard-Detector";

        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Contains("does not match the detector's own function LambdaGuard-Detector", error.Message, StringComparison.Ordinal);
    }
}
