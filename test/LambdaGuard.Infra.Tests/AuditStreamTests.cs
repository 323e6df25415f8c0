using System.Text.Json.Nodes;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class AuditStreamTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    [Fact]
    public void Mapping_WhenSynthesized_ShouldFeedTheSuppressionsStreamToTheLiveAlias()
    {
        var mapping = Properties(Default.Json(Stack), LogicalId(Stack.AuditStream.Mapping));

        Assert.True(SameJson(GetAtt(LogicalId(Stack.Tables.Suppressions), "StreamArn"), mapping["EventSourceArn"]));
        // CDK names an alias as "<function name>:live", the function name cut out of the alias ARN.
        var functionName = mapping["FunctionName"]!.ToJsonString();
        Assert.Contains(LogicalId(Stack.Detector.Alias), functionName, StringComparison.Ordinal);
        Assert.EndsWith("\":live\"]]}", functionName, StringComparison.Ordinal);
        Assert.Equal("TRIM_HORIZON", (string?)mapping["StartingPosition"]);
    }

    [Fact]
    public void Mapping_WhenSynthesized_ShouldBoundRetriesBisectAndParkFailures()
    {
        var mapping = Properties(Default.Json(Stack), LogicalId(Stack.AuditStream.Mapping));

        Assert.Equal(5, (int?)mapping["MaximumRetryAttempts"]);
        Assert.True((bool?)mapping["BisectBatchOnFunctionError"]);
        Assert.Contains("ReportBatchItemFailures", mapping["FunctionResponseTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(24 * 3600, (int?)mapping["MaximumRecordAgeInSeconds"]);
        Assert.True(SameJson(
            GetAtt(LogicalId(Stack.AuditFailures.Bucket), "Arn"),
            mapping["DestinationConfig"]!["OnFailure"]!["Destination"]));
    }

    [Fact]
    public void StreamReadPolicy_WhenSynthesized_ShouldNameOnlyTheSuppressionsStream()
    {
        var template = Default.Json(Stack);
        var policy = Resource(template, LogicalId(Stack.AuditStream.StreamReadPolicy));
        var read = StatementWithSid(policy, "ReadSuppressionsStream");

        Assert.Equal(
            ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
            Strings(read["Action"]).Order(StringComparer.Ordinal));
        Assert.True(SameJson(GetAtt(LogicalId(Stack.Tables.Suppressions), "StreamArn"), read["Resource"]), read.ToJsonString());

        var list = StatementWithSid(policy, "ListSuppressionsStreams");
        Assert.Equal("dynamodb:ListStreams", (string?)list["Action"]);
        var expected = JsonNode.Parse($$"""{"Fn::Join":["",[{"Fn::GetAtt":["{{LogicalId(Stack.Tables.Suppressions)}}","Arn"]},"/stream/*"]]}""");
        Assert.True(SameJson(expected, list["Resource"]), list.ToJsonString());
        Assert.True(SameJson(Ref(LogicalId(Stack.Detector.Role)), policy["Properties"]!["Roles"]![0]));
    }

    [Fact]
    public void Mapping_WhenSynthesized_ShouldWaitForItsPolicy()
    {
        var mapping = Resource(Default.Json(Stack), LogicalId(Stack.AuditStream.Mapping));

        Assert.Contains(LogicalId(Stack.AuditStream.StreamReadPolicy), Strings(mapping["DependsOn"]));
    }
}
