using LambdaGuard.Aws.Publishing;
using LambdaGuard.Aws.SecurityHub;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Function.Composition;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Tests.Composition;

/// <summary>Which publishers the deployed wiring stacks for the optional delivery channels (docs/alerts.md).</summary>
public sealed class AwsPortsTests
{
    private static FunctionSettings Settings(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            [FunctionSettings.SuppressionsTableVariable] = "LambdaGuard-Suppressions",
            [FunctionSettings.ClaimsTableVariable] = "LambdaGuard-AlertClaims",
            [FunctionSettings.TopicArnVariable] = "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-Alerts",
            [FunctionSettings.TimeoutSecondsVariable] = "30",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return FunctionSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Create_WhenNoOptionalChannelIsSet_ShouldPublishToTheAlertTopicOnly()
    {
        // Act
        var ports = AwsPorts.Create(Settings(), _ => { });

        // Assert
        Assert.IsType<SnsAlertPublisher>(ports.Publisher);
    }

    [Fact]
    public void Create_WhenAlertJsonTopic_ShouldAddTheSecondTopic()
    {
        // Act
        var ports = AwsPorts.Create(Settings((FunctionSettings.AlertJsonTopicArnVariable, "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-AlertJson")), _ => { });

        // Assert
        Assert.IsType<AlertJsonTopicPublisher>(ports.Publisher);
    }

    [Fact]
    public void Create_WhenSecurityHubIsOn_ShouldImportAfterEveryOtherChannel()
    {
        // Act
        var ports = AwsPorts.Create(
            Settings((FunctionSettings.AlertJsonTopicArnVariable, "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-AlertJson"), (FunctionSettings.SecurityHubVariable, "true")),
            _ => { });

        // Assert
        Assert.IsType<SecurityHubAlertPublisher>(ports.Publisher);
    }
}
