using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class AlertTopicTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private LambdaGuardRegionalStack CustomStack => customized.Deployment.Stacks.Regional[0];

    [Fact]
    public void TopicPolicies_WhenSynthesized_ShouldDenyPublishingWithoutTls()
    {
        var policies = Resources(Default.Json(Stack), "AWS::SNS::TopicPolicy");

        Assert.Equal(3, policies.Count);
        Assert.All(policies, p =>
        {
            var deny = StatementWithSid(p.Resource, "DenyPublishWithoutTls");
            Assert.Equal("Deny", (string?)deny["Effect"]);
            Assert.Equal("*", (string?)deny["Principal"]!["AWS"]);
            Assert.Equal("sns:Publish", (string?)deny["Action"]);
            Assert.Equal("false", (string?)deny["Condition"]!["Bool"]!["aws:SecureTransport"]);
        });
    }

    [Fact]
    public void TopicPolicies_WhenSynthesized_ShouldLetOnlyThisAccountsAlarmsPublish()
    {
        var policies = Resources(Default.Json(Stack), "AWS::SNS::TopicPolicy");

        Assert.All(policies, p =>
        {
            var allow = StatementWithSid(p.Resource, "AllowCloudWatchAlarms");
            Assert.Equal("cloudwatch.amazonaws.com", (string?)allow["Principal"]!["Service"]);
            Assert.True(SameJson(Ref("AWS::AccountId"), allow["Condition"]!["StringEquals"]!["aws:SourceAccount"]));
        });
    }

    [Fact]
    public void Topics_WhenNoKmsContext_ShouldNotNameAKeyAndNoKeyShouldExist()
    {
        var template = Default.Template(Stack);

        template.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object>
        {
            ["TopicName"] = "LambdaGuard-Alerts",
            ["KmsMasterKeyId"] = Match.Absent(),
        });
        template.ResourceCountIs("AWS::KMS::Key", 0);
        template.ResourceCountIs("AWS::SNS::Subscription", 0);
    }

    [Fact]
    public void Topics_WhenKmsKeyRequested_ShouldBeEncryptedWithARotatedCustomerKey()
    {
        var template = customized.Deployment.Json(CustomStack);
        var keyId = LogicalId(CustomStack.TopicKey!.Key);
        var operationsKeyId = LogicalId(CustomStack.OperationsKey!.Key);

        foreach (var topic in new[] { CustomStack.Alerts.Topic, CustomStack.AlertJson.Topic })
        {
            Assert.True(SameJson(GetAtt(keyId, "Arn"), Properties(template, LogicalId(topic))["KmsMasterKeyId"]));
        }

        Assert.True(SameJson(GetAtt(operationsKeyId, "Arn"), Properties(template, LogicalId(CustomStack.Operations.Topic))["KmsMasterKeyId"]));
        Assert.True((bool?)Properties(template, keyId)["EnableKeyRotation"]);
        Assert.True((bool?)Properties(template, operationsKeyId)["EnableKeyRotation"]);
    }

    [Fact]
    public void KeyPolicy_WhenKmsKeyRequested_ShouldLetCloudWatchEventBridgeAndTheDetectorPublish()
    {
        var template = customized.Deployment.Json(CustomStack);
        var key = Resource(template, LogicalId(CustomStack.TopicKey!.Key));
        var statements = key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

        Assert.Contains(statements, s => (string?)s["Principal"]?["Service"] == "cloudwatch.amazonaws.com" &&
            Strings(s["Action"]).Contains("kms:GenerateDataKey"));
        Assert.Contains(statements, s => (string?)s["Principal"]?["Service"] == "events.amazonaws.com" &&
            Strings(s["Action"]).Contains("kms:GenerateDataKey"));
        Assert.Contains(statements, s =>
            SameJson(GetAtt(LogicalId(CustomStack.Detector.Role), "Arn"), s["Principal"]?["AWS"]) &&
            Strings(s["Action"]).Contains("kms:GenerateDataKey"));
    }

    [Fact]
    public void Subscriptions_WhenEmailsGiven_ShouldSubscribeThemToTheirTopics()
    {
        var template = customized.Deployment.Template(CustomStack);

        template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = CustomizedDeploymentFixture.AlertEmail,
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = LogicalId(CustomStack.Alerts.Topic) },
        });
        template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = CustomizedDeploymentFixture.OperationsEmail,
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = LogicalId(CustomStack.Operations.Topic) },
        });
    }
}
