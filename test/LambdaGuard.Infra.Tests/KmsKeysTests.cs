using System.Text.Json.Nodes;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class KmsKeysTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private LambdaGuardRegionalStack CustomStack => customized.Deployment.Stacks.Regional[0];

    private JsonObject KmsRule => Properties(
        customized.Deployment.Json(CustomStack),
        LogicalId(CustomStack.Tamper.Rules.Single(r => r.Name == "LambdaGuard-Tamper-Kms")));

    [Fact]
    public void Keys_WhenKmsKeyRequested_ShouldBeTwoSeparateKeysForAlertsAndOperations()
    {
        var template = customized.Deployment.Json(CustomStack);

        Assert.Equal(2, Resources(template, "AWS::KMS::Key").Count);
        Assert.NotEqual(LogicalId(CustomStack.TopicKey!.Key), LogicalId(CustomStack.OperationsKey!.Key));
        var aliases = Resources(template, "AWS::KMS::Alias").Select(a => (string?)a.Resource["Properties"]!["AliasName"]).Order();
        Assert.Equal(["alias/lambdaguard-alerts", "alias/lambdaguard-operations"], aliases);
    }

    [Fact]
    public void OperationsKey_WhenKmsKeyRequested_ShouldNotLetTheDetectorUseIt()
    {
        var template = customized.Deployment.Json(CustomStack);
        var statements = Resource(template, LogicalId(CustomStack.OperationsKey!.Key))["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();

        Assert.DoesNotContain(statements, s => (string?)s!["Sid"] == "AllowPublishFromDetector");
        Assert.Contains(statements, s => (string?)s!["Principal"]?["Service"] == "cloudwatch.amazonaws.com");
    }

    [Fact]
    public void KmsTamperRule_WhenKmsKeyRequested_ShouldWatchBothKeysForDisablingDeletionAndPolicyChanges()
    {
        var keyBranch = KmsRule["EventPattern"]!["detail"]!["$or"]!.AsArray()
            .Single(b => b!["requestParameters"]!["keyId"] is not null)!;

        Assert.Equal(["aws.kms"], Strings(KmsRule["EventPattern"]!["source"]));
        foreach (var name in new[] { "DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy" })
        {
            Assert.Contains(name, Strings(keyBranch["eventName"]));
        }

        var suffixes = keyBranch["requestParameters"]!["keyId"]!.AsArray().Select(k => k!["suffix"]).ToList();
        Assert.Equal(2, suffixes.Count);
        Assert.Contains(suffixes, s => SameJson(s, Ref(LogicalId(CustomStack.TopicKey!.Key))));
        Assert.Contains(suffixes, s => SameJson(s, Ref(LogicalId(CustomStack.OperationsKey!.Key))));
    }

    [Fact]
    public void KmsTamperRule_WhenKmsKeyRequested_ShouldGoToTheAlertTopicAndBeAlarmedOn()
    {
        var target = KmsRule["Targets"]!.AsArray().Single()!;

        Assert.True(SameJson(Ref(LogicalId(CustomStack.Alerts.Topic)), target["Arn"]));
        Assert.Contains("LambdaGuard-Tamper-Kms", CustomStack.Tamper.RuleNames);
        var alarm = Resources(customized.Deployment.Json(CustomStack), "AWS::CloudWatch::Alarm")
            .Single(a => (string?)a.Resource["Properties"]!["AlarmName"] == "LambdaGuard-RuleFailedInvocations");
        Assert.Contains("LambdaGuard-Tamper-Kms", alarm.Resource.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TamperRules_WithoutKmsKey_ShouldHaveNoKmsRule()
    {
        var stack = defaults.Deployment.Stacks.Regional[0];

        Assert.DoesNotContain(stack.Tamper.Rules, r => r.Name == "LambdaGuard-Tamper-Kms");
        Assert.Empty(Resources(defaults.Deployment.Json(stack), "AWS::KMS::Key"));
    }
}
