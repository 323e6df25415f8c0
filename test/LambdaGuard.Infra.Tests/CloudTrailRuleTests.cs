using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class CloudTrailRuleTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private JsonObject RuleProperties => Properties(Default.Json(Stack), LogicalId(Stack.CloudTrail.Rule));

    [Fact]
    public void Pattern_WhenSynthesized_ShouldMatchLambdaApiCallsFromCloudTrailOnTheDefaultBus()
    {
        Default.Template(Stack).HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["Name"] = "LambdaGuard-CloudTrail",
            ["EventBusName"] = Match.Absent(),
            ["State"] = "ENABLED",
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.lambda" },
                ["detail-type"] = new[] { "AWS API Call via CloudTrail" },
                ["detail"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["eventSource"] = new[] { "lambda.amazonaws.com" },
                }),
            },
        });
    }

    [Fact]
    public void Pattern_WhenSynthesized_ShouldExcludeInvokeDataEvents()
    {
        var eventName = RuleProperties["EventPattern"]!["detail"]!["eventName"]!;

        var expected = JsonNode.Parse("""[{"anything-but":{"prefix":"Invoke"}}]""");
        Assert.True(SameJson(expected, eventName), eventName.ToJsonString());
    }

    [Fact]
    public void Pattern_WhenSynthesized_ShouldNotFilterFailedCalls()
    {
        // Failed calls are counted by the function (FailedCalls) and LG010 alerts on failed attempts against
        // LambdaGuard itself, so the bus must let them through.
        var detail = RuleProperties["EventPattern"]!["detail"]!.AsObject();

        Assert.Equal(["eventName", "eventSource"], detail.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Target_WhenSynthesized_ShouldBeTheLiveAliasWithRetriesAndTheEncryptedDeadLetterQueue()
    {
        var target = RuleProperties["Targets"]!.AsArray().Single()!;

        Assert.True(SameJson(Ref(LogicalId(Stack.Detector.Alias)), target["Arn"]), target.ToJsonString());
        Assert.Equal(8, (int?)target["RetryPolicy"]!["MaximumRetryAttempts"]);
        Assert.Equal(4 * 3600, (int?)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]);
        Assert.True(SameJson(
            GetAtt(LogicalId(Stack.Queues.RuleDeadLetterQueue), "Arn"),
            target["DeadLetterConfig"]!["Arn"]));
    }

    [Fact]
    public void Permission_WhenSynthesized_ShouldLetOnlyThisRuleInvokeTheAlias()
    {
        Default.Template(Stack).HasResourceProperties("AWS::Lambda::Permission", new Dictionary<string, object>
        {
            ["Action"] = "lambda:InvokeFunction",
            ["Principal"] = "events.amazonaws.com",
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = LogicalId(Stack.Detector.Alias) },
            ["SourceArn"] = new Dictionary<string, object>
            {
                ["Fn::GetAtt"] = new[] { LogicalId(Stack.CloudTrail.Rule), "Arn" },
            },
        });
    }
}
