using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class AlertJsonTopicAndSecurityHubTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private LambdaGuardRegionalStack Stack => defaults.Deployment.Stacks.Regional[0];

    private LambdaGuardRegionalStack CustomStack => customized.Deployment.Stacks.Regional[0];

    [Fact]
    public void AlertJsonTopic_WhenSynthesized_ShouldBeASecondTopicPassedToTheFunction()
    {
        var template = defaults.Deployment.Json(Stack);
        var topic = LogicalId(Stack.AlertJson.Topic);
        var variables = Properties(template, LogicalId(Stack.Detector.Function))["Environment"]!["Variables"]!;

        Assert.Equal("LambdaGuard-AlertJson", (string?)Properties(template, topic)["TopicName"]);
        Assert.NotEqual(LogicalId(Stack.Alerts.Topic), topic);
        Assert.True(SameJson(Ref(topic), variables["LAMBDAGUARD_ALERT_JSON_TOPIC_ARN"]));
        defaults.Deployment.Template(Stack).HasOutput("AlertJsonTopicArn", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = topic },
        });
    }

    [Fact]
    public void AlertJsonTopic_WhenSynthesized_ShouldBeWatchedByTheSnsTamperRule()
    {
        var sns = Properties(defaults.Deployment.Json(Stack), LogicalId(Stack.Tamper.Rules.Single(r => r.Name == "LambdaGuard-Tamper-Sns")));

        Assert.Contains(LogicalId(Stack.AlertJson.Topic), sns["EventPattern"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityHub_WhenNotRequested_ShouldNeitherSetTheVariableNorGrantTheImport()
    {
        var template = defaults.Deployment.Json(Stack);
        var variables = Properties(template, LogicalId(Stack.Detector.Function))["Environment"]!["Variables"]!;

        Assert.Null(variables["LAMBDAGUARD_SECURITY_HUB"]);
        Assert.DoesNotContain("securityhub:", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityHub_WhenRequested_ShouldSetTheVariableAndGrantImportOnTheDefaultProductOnly()
    {
        var template = customized.Deployment.Json(CustomStack);
        var variables = Properties(template, LogicalId(CustomStack.Detector.Function))["Environment"]!["Variables"]!;
        var statement = StatementWithSid(Resource(template, LogicalId(CustomStack.Detector.ExecutionPolicy)), "ImportSecurityHubFindings");

        Assert.Equal("true", (string?)variables["LAMBDAGUARD_SECURITY_HUB"]);
        Assert.Equal("securityhub:BatchImportFindings", (string?)statement["Action"]);
        var arn = string.Concat(statement["Resource"]!["Fn::Join"]![1]!.AsArray().Select(p => p is System.Text.Json.Nodes.JsonValue v
            ? (string)v! : "{" + string.Join(',', p!.AsObject().Select(x => x.Value!.ToString())) + "}"));
        Assert.Equal("arn:{AWS::Partition}:securityhub:{AWS::Region}:{AWS::AccountId}:product/{AWS::AccountId}/default", arn);
    }

    [Fact]
    public void Warning_WhenNoEmailIsGiven_ShouldSayNobodyIsSubscribed()
    {
        Annotations.FromStack(Stack).HasWarning("*", Match.StringLikeRegexp("nobody is subscribed to the alert topic.*operations topic"));
    }

    [Fact]
    public void Warning_WhenAnEmailIsGiven_ShouldNotBeRaised()
    {
        Annotations.FromStack(CustomStack).HasNoWarning("*", Match.StringLikeRegexp("nobody is subscribed"));
    }

    [Fact]
    public void AlertEmailSubscription_WhenSynthesized_ShouldHaveNoFilterPolicySoAttributelessTamperAlertsArrive()
    {
        // SNS's {"exists": false} matches only messages with at least one attribute; tamper alerts have none.
        customized.Deployment.Template(CustomStack).HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = CustomizedDeploymentFixture.AlertEmail,
            ["FilterPolicy"] = Match.Absent(),
        });
    }
}
