using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class QueueTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    [Theory]
    [InlineData("LambdaGuard-RuleDeadLetters")]
    [InlineData("LambdaGuard-AsyncFailures")]
    [InlineData("LambdaGuard-StreamFailures")]
    public void FailureQueue_WhenSynthesized_ShouldBeEncryptedAndKeepMessagesForTwoWeeks(string queueName)
    {
        Default.Template(Stack).HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object>
        {
            ["QueueName"] = queueName,
            ["SqsManagedSseEnabled"] = true,
            ["MessageRetentionPeriod"] = 14 * 24 * 3600,
        });
    }

    [Fact]
    public void QueuePolicies_WhenSynthesized_ShouldDenyEveryCallWithoutTls()
    {
        var policies = Resources(Default.Json(Stack), "AWS::SQS::QueuePolicy");

        Assert.Equal(3, policies.Count);
        Assert.All(policies, p => Assert.Contains(Statements(p.Resource), s =>
            (string?)s["Effect"] == "Deny" &&
            (string?)s["Condition"]?["Bool"]?["aws:SecureTransport"] == "false"));
    }

    [Fact]
    public void DeadLetterQueuePolicy_WhenSynthesized_ShouldAcceptEventBridgeOnlyFromLambdaGuardRules()
    {
        var template = Default.Json(Stack);
        var policy = Resources(template, "AWS::SQS::QueuePolicy")
            .Single(p => p.Resource["Properties"]!["Queues"]!.AsArray()
                .Any(q => SameJson(q, Ref(LogicalId(Stack.Queues.RuleDeadLetterQueue)))))
            .Resource;

        var allows = Statements(policy).Where(s => (string?)s["Effect"] == "Allow").ToList();
        Assert.NotEmpty(allows);
        Assert.All(allows, s =>
        {
            Assert.Equal("events.amazonaws.com", (string?)s["Principal"]!["Service"]);
            Assert.NotNull(s["Condition"]!["ArnEquals"]!["aws:SourceArn"]);
        });
    }
}
