using LambdaGuard.Cli.Replay;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Tests.Replay;

public sealed class DeployedDetectorSettingsTests
{
    [Fact]
    public void Parse_WhenTheStacksJson_ShouldReadEverySetting()
    {
        // Act
        var settings = DeployedDetectorSettings.Parse("""
            {"ownFunction":"LambdaGuard-*","humanRoles":["arn:aws:iam::*:role/Admin*"],"trustedAccounts":["111122223333"],"trustedOrganizationId":"o-abcdefghij"}
            """);

        // Assert
        Assert.Equal("LambdaGuard-*", settings.OwnFunctionGlob);
        Assert.Equal(["arn:aws:iam::*:role/Admin*"], settings.HumanRoleGlobs);
        Assert.Equal(["111122223333"], settings.TrustedAccountGlobs);
        Assert.Equal("o-abcdefghij", settings.TrustedOrganizationId);
    }

    [Fact]
    public void Parse_WhenOptionalSettingsAreNullOrMissing_ShouldUseTheDefaults()
    {
        // Act
        var settings = DeployedDetectorSettings.Parse("""{"humanRoles":[],"trustedOrganizationId":null}""");

        // Assert
        Assert.Equal(DetectorSettings.DefaultOwnFunctionGlob, settings.OwnFunctionGlob);
        Assert.Empty(settings.HumanRoleGlobs);
        Assert.Null(settings.TrustedOrganizationId);
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("[1]", "is not a JSON object")]
    [InlineData("""{"trustedAccounts":["12345"]}""", "/lambdaguard/detector-settings trustedAccounts: '12345' is not a 12-digit account id")]
    public void Parse_WhenTheParameterIsUnusable_ShouldSayWhatIsWrong(string json, string problem)
    {
        // Act
        var error = Assert.Throws<DeployedSettingsException>(() => DeployedDetectorSettings.Parse(json));

        // Assert
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
