using System.Text.Json.Nodes;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

/// <summary>Detaching the detector's execution policy alone must stop neither publishing nor parking a failed event.</summary>
[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class ResourcePolicyGrantsTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private JsonNode DetectorRoleArn => GetAtt(LogicalId(Stack.Detector.Role), "Arn");

    [Fact]
    public void AlertTopicPolicies_WhenSynthesized_ShouldLetTheDetectorRolePublish()
    {
        foreach (var topic in new[] { Stack.Alerts.Topic, Stack.AlertJson.Topic })
        {
            var statement = StatementWithSid(TopicPolicyOf(Ref(LogicalId(topic))), "AllowDetectorPublish");

            Assert.Equal("Allow", (string?)statement["Effect"]);
            Assert.True(SameJson(DetectorRoleArn, statement["Principal"]!["AWS"]), statement.ToJsonString());
            Assert.Equal("sns:Publish", (string?)statement["Action"]);
            Assert.True(SameJson(Ref(LogicalId(topic)), statement["Resource"]));
        }
    }

    [Fact]
    public void AsyncFailureQueuePolicy_WhenSynthesized_ShouldLetTheDetectorRoleSendMessages()
    {
        var queue = Ref(LogicalId(Stack.Queues.AsyncFailureQueue));
        var policy = Resources(Default.Json(Stack), "AWS::SQS::QueuePolicy")
            .Single(p => p.Resource["Properties"]!["Queues"]!.AsArray().Any(q => SameJson(q, queue))).Resource;

        var statement = StatementWithSid(policy, "AllowDetectorAsyncFailures");

        Assert.True(SameJson(DetectorRoleArn, statement["Principal"]!["AWS"]), statement.ToJsonString());
        Assert.Equal("sqs:SendMessage", (string?)statement["Action"]);
        Assert.True(SameJson(GetAtt(LogicalId(Stack.Queues.AsyncFailureQueue), "Arn"), statement["Resource"]));
    }

    [Fact]
    public void ExecutionPolicy_WhenSynthesized_ShouldStillGrantPublishAndSendMessageItself()
    {
        var policy = Resource(Default.Json(Stack), LogicalId(Stack.Detector.ExecutionPolicy));

        Assert.Equal("sns:Publish", (string?)StatementWithSid(policy, "PublishAlerts")["Action"]);
        Assert.Equal("sqs:SendMessage", (string?)StatementWithSid(policy, "SendAsyncFailures")["Action"]);
    }

    [Fact]
    public void DetectorRoleAndPolicies_WhenSynthesized_ShouldCarryTheRegionalNamesTheIamTamperRuleWatches()
    {
        var template = Default.Json(Stack);

        Assert.Equal("LambdaGuard-Detector-us-east-1", (string?)Properties(template, LogicalId(Stack.Detector.Role))["RoleName"]);
        Assert.Equal(
            "LambdaGuard-Detector-us-east-1-Execution",
            (string?)Properties(template, LogicalId(Stack.Detector.ExecutionPolicy))["ManagedPolicyName"]);
        Assert.Equal(
            "LambdaGuard-Detector-us-east-1-StreamRead",
            (string?)Properties(template, LogicalId(Stack.AuditStream.StreamReadPolicy))["ManagedPolicyName"]);
    }

    private JsonObject TopicPolicyOf(JsonNode topicRef) =>
        Resources(Default.Json(Stack), "AWS::SNS::TopicPolicy")
            .Single(p => p.Resource["Properties"]!["Topics"]!.AsArray().Any(t => SameJson(t, topicRef)))
            .Resource;
}
