using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Tests.Settings;

/// <summary>The optional delivery channels of issue 14: the alert-JSON topic and the Security Hub opt-in.</summary>
public sealed class DeliverySettingsTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        [FunctionSettings.SuppressionsTableVariable] = "LambdaGuard-Suppressions",
        [FunctionSettings.ClaimsTableVariable] = "LambdaGuard-AlertClaims",
        [FunctionSettings.TopicArnVariable] = "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-Alerts",
        [FunctionSettings.TimeoutSecondsVariable] = "30",
    };

    [Fact]
    public void FromEnvironment_WhenDeliveryVariablesAreUnset_ShouldUseOnlyTheAlertTopic()
    {
        // Act
        var settings = FunctionSettings.FromEnvironment(name => Valid().GetValueOrDefault(name));

        // Assert
        Assert.Null(settings.AlertJsonTopicArn);
        Assert.False(settings.SecurityHub);
    }

    [Fact]
    public void FromEnvironment_WhenDeliveryVariablesAreSet_ShouldReadThem()
    {
        // Arrange
        var environment = Valid();
        environment["LAMBDAGUARD_ALERT_JSON_TOPIC_ARN"] = " arn:aws:sns:eu-west-1:123456789012:LambdaGuard-AlertJson ";
        environment["LAMBDAGUARD_SECURITY_HUB"] = "true";

        // Act
        var settings = FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Assert
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:LambdaGuard-AlertJson", settings.AlertJsonTopicArn);
        Assert.True(settings.SecurityHub);
    }

    [Fact]
    public void FromEnvironment_WhenDeliveryVariablesAreInvalid_ShouldNameEachOne()
    {
        // Arrange
        var environment = Valid();
        environment["LAMBDAGUARD_ALERT_JSON_TOPIC_ARN"] = "LambdaGuard-AlertJson";
        environment["LAMBDAGUARD_SECURITY_HUB"] = "yes";

        // Act
        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Assert
        Assert.Contains("LAMBDAGUARD_ALERT_JSON_TOPIC_ARN is 'LambdaGuard-AlertJson'", error.Message, StringComparison.Ordinal);
        Assert.Contains("LAMBDAGUARD_SECURITY_HUB is 'yes', not true or false", error.Message, StringComparison.Ordinal);
    }
}
