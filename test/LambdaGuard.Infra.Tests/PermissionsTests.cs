using System.Text.Json.Nodes;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class PermissionsTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private IEnumerable<(SynthesizedDeployment Deployment, Amazon.CDK.Stack Stack)> EveryStack =>
        new[] { Default, customized.Deployment }.SelectMany(d => d.AllStacks.Select(s => (d, s)));

    [Fact]
    public void Policies_InEveryStack_ShouldNeverGrantOnAWildcardResource()
    {
        // KMS key policies are the exception by design: there "*" means "this key".
        var offenders = new List<string>();
        foreach (var (deployment, stack) in EveryStack)
        {
            foreach (var (logicalId, resource) in deployment.Json(stack)["Resources"]!.AsObject().Select(p => (p.Key, p.Value!)))
            {
                if ((string?)resource["Type"] == "AWS::KMS::Key")
                {
                    continue;
                }

                foreach (var statement in PolicyStatements(resource))
                {
                    if (Strings(statement["Resource"]).Contains("*") || statement["NotResource"] is not null ||
                        statement["NotAction"] is not null)
                    {
                        offenders.Add($"{stack.StackName}/{logicalId}: {statement.ToJsonString()}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void IdentityPolicies_InEveryStack_ShouldNameActionsWithoutWildcards()
    {
        var actions = EveryStack
            .SelectMany(x => x.Deployment.Json(x.Stack)["Resources"]!.AsObject().Select(p => p.Value!))
            .Where(r => (string?)r["Type"] is "AWS::IAM::ManagedPolicy" or "AWS::IAM::Policy")
            .SelectMany(PolicyStatements)
            .SelectMany(s => Strings(s["Action"]))
            .ToList();

        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_InEveryStack_ShouldUseNoAwsManagedPolicies()
    {
        foreach (var (deployment, stack) in EveryStack)
        {
            var template = deployment.Json(stack);
            Assert.All(Resources(template, "AWS::IAM::Role"), r => Assert.Null(r.Resource["Properties"]!["ManagedPolicyArns"]));
            Assert.DoesNotContain(":iam::aws:policy/", template.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DetectorRole_WhenSynthesized_ShouldCarryExactlyItsTwoCustomerPolicies()
    {
        var template = Default.Json(Stack);
        var role = Ref(LogicalId(Stack.Detector.Role));

        var attached = Resources(template, "AWS::IAM::ManagedPolicy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => SameJson(r, role)))
            .Select(p => p.LogicalId)
            .Order(StringComparer.Ordinal);

        string[] expected = [LogicalId(Stack.Detector.ExecutionPolicy), LogicalId(Stack.AuditStream.StreamReadPolicy)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), attached);
        Assert.Empty(Resources(template, "AWS::IAM::Policy"));
        Assert.Null(Properties(template, LogicalId(Stack.Detector.Role))["Policies"]);
    }

    [Fact]
    public void ExecutionPolicy_WhenSynthesized_ShouldScopeEveryActionToItsOneResource()
    {
        var template = Default.Json(Stack);
        var policy = Resource(template, LogicalId(Stack.Detector.ExecutionPolicy));

        AssertGrant(policy, "ReadSuppressions", ["dynamodb:Query"], GetAtt(LogicalId(Stack.Tables.Suppressions), "Arn"));
        AssertGrant(
            policy,
            "ClaimAlerts",
            ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
            GetAtt(LogicalId(Stack.Tables.Claims), "Arn"));
        AssertGrant(policy, "PublishAlerts", ["sns:Publish"], Ref(LogicalId(Stack.Alerts.Topic)));
        AssertGrant(policy, "PublishAlertJson", ["sns:Publish"], Ref(LogicalId(Stack.AlertJson.Topic)));
        AssertGrant(policy, "SendAsyncFailures", ["sqs:SendMessage"], GetAtt(LogicalId(Stack.Queues.AsyncFailureQueue), "Arn"));

        var logs = StatementWithSid(policy, "WriteOwnLogs");
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], Strings(logs["Action"]).Order(StringComparer.Ordinal));
        var arnParts = logs["Resource"]!["Fn::Join"]![1]!.AsArray();
        Assert.Equal(":log-group:/aws/lambda/LambdaGuard-Detector:*", (string?)arnParts.Last());
        Assert.Equal(6, Statements(policy).Count);
    }

    [Fact]
    public void ExecutionPolicy_WhenKmsKeyRequested_ShouldAddOnlyThatKey()
    {
        var stack = customized.Deployment.Stacks.Regional[0];
        var policy = Resource(customized.Deployment.Json(stack), LogicalId(stack.Detector.ExecutionPolicy));

        AssertGrant(policy, "EncryptAlerts", ["kms:Decrypt", "kms:GenerateDataKey"], GetAtt(LogicalId(stack.TopicKey!.Key), "Arn"));
    }

    private static void AssertGrant(JsonObject policy, string sid, string[] actions, JsonNode resource)
    {
        var statement = StatementWithSid(policy, sid);
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal(actions, Strings(statement["Action"]).Order(StringComparer.Ordinal));
        Assert.True(SameJson(resource, statement["Resource"]), $"{sid}: {statement["Resource"]!.ToJsonString()}");
    }

    // Every policy document a resource carries: IAM policies, role inline policies, topic/queue/bucket policies.
    private static IEnumerable<JsonObject> PolicyStatements(JsonNode resource)
    {
        var documents = new List<JsonNode>();
        Collect(resource["Properties"], documents);
        return documents.SelectMany(d => d["Statement"] switch
        {
            JsonArray array => array.Select(s => s!.AsObject()),
            JsonObject single => [single],
            _ => [],
        });

        static void Collect(JsonNode? node, List<JsonNode> found)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key is "PolicyDocument" or "AssumeRolePolicyDocument" && value is JsonObject)
                        {
                            found.Add(value);
                        }
                        else
                        {
                            Collect(value, found);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, found);
                    }

                    break;
            }
        }
    }
}
