using System.Text.Json.Nodes;
using LambdaGuard.Infra.Events;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class TamperRulesTests(DefaultDeploymentFixture defaults)
{
    // EventBridge's default quota on a rule's event pattern, in characters.
    private const int EventPatternQuota = 2048;

    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private IReadOnlyList<JsonObject> TamperRules =>
        [.. Stack.Tamper.Rules.Select(r => Properties(Default.Json(Stack), LogicalId(r)))];

    [Fact]
    public void Targets_WhenSynthesized_ShouldGoStraightToTheAlertTopicThroughAnInputTransformer()
    {
        Assert.Equal(6, TamperRules.Count);
        foreach (var rule in TamperRules)
        {
            var target = rule["Targets"]!.AsArray().Single()!;
            Assert.True(SameJson(Ref(LogicalId(Stack.Alerts.Topic)), target["Arn"]), target.ToJsonString());
            var template = (string)target["InputTransformer"]!["InputTemplate"]!;
            Assert.Contains("<aws.events.event.json>", template, StringComparison.Ordinal);
            Assert.NotNull(JsonNode.Parse(template.Replace("<aws.events.event.json>", "{}", StringComparison.Ordinal)
                .Replace("<", string.Empty, StringComparison.Ordinal).Replace(">", string.Empty, StringComparison.Ordinal)));
            Assert.Equal("$.detail.eventName", (string?)target["InputTransformer"]!["InputPathsMap"]!["eventName"]);
            Assert.True(SameJson(
                GetAtt(LogicalId(Stack.Queues.RuleDeadLetterQueue), "Arn"),
                target["DeadLetterConfig"]!["Arn"]));
            Assert.NotNull(target["RetryPolicy"]);
        }
    }

    [Fact]
    public void Rules_WhenSynthesized_ShouldNeverInvokeALambda()
    {
        var targets = TamperRules.SelectMany(r => r["Targets"]!.AsArray()).Select(t => t!["Arn"]!.ToJsonString());

        Assert.DoesNotContain(targets, t => t.Contains(LogicalId(Stack.Detector.Alias), StringComparison.Ordinal));
        Assert.DoesNotContain(targets, t => t.Contains(LogicalId(Stack.Detector.Function), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("events.amazonaws.com", "DeleteRule")]
    [InlineData("events.amazonaws.com", "DisableRule")]
    [InlineData("events.amazonaws.com", "RemoveTargets")]
    [InlineData("sns.amazonaws.com", "DeleteTopic")]
    [InlineData("sns.amazonaws.com", "Unsubscribe")]
    [InlineData("sns.amazonaws.com", "SetTopicAttributes")]
    [InlineData("dynamodb.amazonaws.com", "DeleteTable")]
    [InlineData("dynamodb.amazonaws.com", "UpdateTable")]
    [InlineData("cloudtrail.amazonaws.com", "StopLogging")]
    [InlineData("cloudtrail.amazonaws.com", "DeleteTrail")]
    [InlineData("cloudtrail.amazonaws.com", "UpdateTrail")]
    [InlineData("cloudtrail.amazonaws.com", "PutEventSelectors")]
    public void Patterns_WhenSynthesized_ShouldWatchTheCallThatDisablesASafeguard(string eventSource, string eventName)
    {
        var branches = TamperRules.SelectMany(Branches).ToList();

        Assert.Contains(branches, b =>
            Strings(b["eventSource"]).Contains(eventSource) && Strings(b["eventName"]).Contains(eventName));
    }

    [Fact]
    public void EventsPattern_WhenSynthesized_ShouldProtectTheDetectorRulesAndTheTamperRulesThemselves()
    {
        var events = Branches(TamperRules.Single(r => (string?)r["Name"] == "LambdaGuard-Tamper-Events")).ToList();
        var protectedNames = events.SelectMany(b => Strings(b["requestParameters"]!["name"] ?? b["requestParameters"]!["rule"]));

        string[] expected = ["LambdaGuard-CloudTrail", "LambdaGuard-Heartbeat", "LambdaGuard-AuditFailures", .. Stack.Tamper.RuleNames];
        Assert.All(expected, name => Assert.Contains(name, protectedNames));
    }

    [Fact]
    public void SnsAndDynamoDbPatterns_WhenSynthesized_ShouldNameOnlyLambdaGuardsOwnResources()
    {
        var sns = Branches(TamperRules.Single(r => (string?)r["Name"] == "LambdaGuard-Tamper-Sns")).First();
        var topics = sns["requestParameters"]!["topicArn"]!.AsArray();
        Assert.True(SameJson(new JsonArray(
            Ref(LogicalId(Stack.Alerts.Topic)), Ref(LogicalId(Stack.Operations.Topic)), Ref(LogicalId(Stack.AlertJson.Topic))), topics));

        var dynamo = Branches(TamperRules.Single(r => (string?)r["Name"] == "LambdaGuard-Tamper-DynamoDb")).First();
        Assert.Equal(["LambdaGuard-Suppressions", "LambdaGuard-AlertClaims"], Strings(dynamo["requestParameters"]!["tableName"]));
    }

    [Fact]
    public void Patterns_WhenArnsAreFilledIn_ShouldFitTheEventPatternQuota()
    {
        foreach (var rule in TamperRules.Append(Properties(Default.Json(Stack), LogicalId(Stack.CloudTrail.Rule))))
        {
            // Every Ref/GetAtt/Join becomes an ARN at deploy time; 120 characters is longer than any of them.
            var resolved = ReplaceIntrinsics(rule["EventPattern"]!.DeepClone(), new string('x', 120));

            var length = resolved.ToJsonString().Length;
            Assert.True(length <= EventPatternQuota, $"{rule["Name"]}: pattern is {length} characters");
        }
    }

    [Fact]
    public void TopicPolicy_WhenSynthesized_ShouldLetEventBridgePublishOnlyForTheTamperRules()
    {
        var template = Default.Json(Stack);
        var policy = Resources(template, "AWS::SNS::TopicPolicy")
            .Single(p => p.Resource["Properties"]!["Topics"]!.AsArray().Any(t => SameJson(t, Ref(LogicalId(Stack.Alerts.Topic)))))
            .Resource;
        var statement = StatementWithSid(policy, "AllowTamperRules");

        Assert.Equal("events.amazonaws.com", (string?)statement["Principal"]!["Service"]);
        var sourceArns = statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.AsArray();
        var expected = new JsonArray([.. Stack.Tamper.Rules.Select(r => GetAtt(LogicalId(r), "Arn"))]);
        Assert.True(SameJson(expected, sourceArns), sourceArns.ToJsonString());
    }

    private static IEnumerable<JsonObject> Branches(JsonObject rule)
    {
        var detail = rule["EventPattern"]!["detail"]!.AsObject();
        return detail["$or"] is JsonArray or ? or.Select(b => b!.AsObject()) : [detail];
    }
}
