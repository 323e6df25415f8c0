using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class IamTamperRuleTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack UsEast1 => Default.Stacks.Regional.Single(s => s.Region == "us-east-1");

    private JsonObject Rule => Properties(Default.Json(UsEast1), LogicalId(UsEast1.IamTamper!.Rule));

    [Fact]
    public void Compose_WhenUsEast1IsARegion_ShouldPutTheIamRuleThereAndNowhereElse()
    {
        Assert.NotNull(UsEast1.IamTamper);
        Assert.Null(Default.Stacks.IamWatch);
        Assert.All(Default.Stacks.Regional.Where(s => s.Region != "us-east-1"), s => Assert.Null(s.IamTamper));
        Assert.Equal("LambdaGuard-Tamper-Iam", (string?)Rule["Name"]);
    }

    [Fact]
    public void Pattern_WhenSynthesized_ShouldWatchEveryRegionsDetectorRole()
    {
        var roleBranch = Branches(Rule).Single(b => b["requestParameters"]!["roleName"] is not null);

        Assert.Equal(["aws.iam"], Strings(Rule["EventPattern"]!["source"]));
        Assert.Equal(["iam.amazonaws.com"], Strings(roleBranch["eventSource"]));
        Assert.Equal(["LambdaGuard-Detector-us-east-1", "LambdaGuard-Detector-eu-west-1"], Strings(roleBranch["requestParameters"]!["roleName"]));
        foreach (var name in new[]
        {
            "DetachRolePolicy", "AttachRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "UpdateAssumeRolePolicy",
            "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
        })
        {
            Assert.Contains(name, Strings(roleBranch["eventName"]));
        }
    }

    [Fact]
    public void Pattern_WhenSynthesized_ShouldWatchVersionsOfTheDetectorsManagedPolicies()
    {
        var policyBranch = Branches(Rule).Single(b => b["requestParameters"]!["policyArn"] is not null);

        Assert.Equal(
            ["CreatePolicyVersion", "DeletePolicy", "DeletePolicyVersion", "SetDefaultPolicyVersion"],
            Strings(policyBranch["eventName"]).Order(StringComparer.Ordinal));
        var prefix = policyBranch["requestParameters"]!["policyArn"]![0]!["prefix"]!.ToJsonString();
        Assert.Contains(":policy/LambdaGuard-Detector-", prefix, StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", prefix, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_WhenSynthesized_ShouldBeTheAlertTopicWithADeadLetterQueueAndNoLambda()
    {
        var target = Rule["Targets"]!.AsArray().Single()!;

        Assert.True(SameJson(Ref(LogicalId(UsEast1.Alerts.Topic)), target["Arn"]));
        Assert.True(SameJson(GetAtt(LogicalId(UsEast1.Queues.RuleDeadLetterQueue), "Arn"), target["DeadLetterConfig"]!["Arn"]));
        Assert.Contains("lambdaguard.tamper/v1", (string)target["InputTransformer"]!["InputTemplate"]!, StringComparison.Ordinal);

        var topicPolicy = Resources(Default.Json(UsEast1), "AWS::SNS::TopicPolicy")
            .Single(p => p.Resource["Properties"]!["Topics"]!.AsArray().Any(t => SameJson(t, Ref(LogicalId(UsEast1.Alerts.Topic)))))
            .Resource;
        var allow = StatementWithSid(topicPolicy, "AllowIamTamperRule");
        Assert.True(
            SameJson(new JsonArray(GetAtt(LogicalId(UsEast1.IamTamper!.Rule), "Arn")), allow["Condition"]!["ArnEquals"]!["aws:SourceArn"]) ||
            SameJson(GetAtt(LogicalId(UsEast1.IamTamper!.Rule), "Arn"), allow["Condition"]!["ArnEquals"]!["aws:SourceArn"]),
            allow.ToJsonString());
    }

    [Fact]
    public void Compose_WhenUsEast1IsNotARegion_ShouldAddAUsEast1StackWithItsOwnTopicRuleAndAlarms()
    {
        var watch = customized.Deployment.Stacks.IamWatch;
        Assert.NotNull(watch);
        Assert.Equal("us-east-1", watch.Region);
        Assert.Equal("LambdaGuard-IamWatch", watch.StackName);

        var template = customized.Deployment.Template(watch);
        template.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["Name"] = "LambdaGuard-Tamper-Iam",
            ["Targets"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Arn"] = new Dictionary<string, object> { ["Ref"] = LogicalId(watch.Alerts.Topic) },
                }),
            },
        });
        template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = CustomizedDeploymentFixture.AlertEmail,
        });
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "LambdaGuard-IamTamperFailedInvocations",
            ["MetricName"] = "FailedInvocations",
        });
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "LambdaGuard-IamTamperDeadLetterDepth",
        });
        template.ResourceCountIs("AWS::Lambda::Function", 0);

        var roleNames = Resources(customized.Deployment.Json(watch), "AWS::Events::Rule").Single().Resource["Properties"]!["EventPattern"]!
            .ToJsonString();
        Assert.Contains("LambdaGuard-Detector-eu-central-1", roleNames, StringComparison.Ordinal);
    }

    [Fact]
    public void WatchStackRule_WhenUsEast1IsNotARegion_ShouldAlsoWatchItselfAndItsTopic()
    {
        var watch = customized.Deployment.Stacks.IamWatch!;
        var rule = Resources(customized.Deployment.Json(watch), "AWS::Events::Rule").Single().Resource["Properties"]!.AsObject();
        var branches = Branches(rule).ToList();

        Assert.Equal(["aws.iam", "aws.events", "aws.sns"], Strings(rule["EventPattern"]!["source"]));
        Assert.Contains(branches, b => Strings(b["eventName"]).Contains("DeleteRule") &&
            Strings(b["requestParameters"]!["name"]).Contains("LambdaGuard-Tamper-Iam"));
        Assert.Contains(branches, b => Strings(b["eventName"]).Contains("DeleteTopic") &&
            SameJson(new JsonArray(Ref(LogicalId(watch.Alerts.Topic))), b["requestParameters"]!["topicArn"]));
        Assert.Equal(["aws.iam"], Strings(Rule["EventPattern"]!["source"]));
    }

    [Fact]
    public void Patterns_WhenArnsAreFilledIn_ShouldFitTheEventPatternQuota()
    {
        var watch = customized.Deployment.Stacks.IamWatch!;
        var watchRule = Resources(customized.Deployment.Json(watch), "AWS::Events::Rule").Single().Resource["Properties"]!;

        foreach (var pattern in new[] { Rule["EventPattern"]!, watchRule["EventPattern"]! })
        {
            var length = ReplaceIntrinsics(pattern.DeepClone(), new string('x', 120)).ToJsonString().Length;
            Assert.True(length <= 2048, $"pattern is {length} characters");
        }
    }

    private static IEnumerable<JsonObject> Branches(JsonObject rule) =>
        rule["EventPattern"]!["detail"]!["$or"]!.AsArray().Select(b => b!.AsObject());
}
