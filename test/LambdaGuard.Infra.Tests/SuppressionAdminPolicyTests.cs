using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class SuppressionAdminPolicyTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private System.Text.Json.Nodes.JsonObject Policy =>
        Resource(Default.Json(Default.Stacks.Global), LogicalId(Default.Stacks.Global.AdminPolicy.Policy));

    [Fact]
    public void Policy_WhenSynthesized_ShouldGrantExactlyTheSuppressionEdits()
    {
        var edit = StatementWithSid(Policy, "EditSuppressions");

        Assert.Equal(
            ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
            Strings(edit["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal(3, Statements(Policy).Count);
    }

    [Fact]
    public void Policy_WhenTwoRegionsGiven_ShouldNameTheSuppressionsTableInEachRegionOnly()
    {
        var resources = StatementWithSid(Policy, "EditSuppressions")["Resource"]!.AsArray()
            .Select(r => string.Concat(r!["Fn::Join"]![1]!.AsArray().Where(p => p is System.Text.Json.Nodes.JsonValue)
                .Select(p => (string)p!)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [":dynamodb:eu-west-1::table/LambdaGuard-Suppressions", ":dynamodb:us-east-1::table/LambdaGuard-Suppressions"],
            resources.Select(r => r.Replace("arn:", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Policy_WhenTwoRegionsGiven_ShouldGrantOnlyScanOnTheClaimsTableInEachRegionForCoverage()
    {
        var list = StatementWithSid(Policy, "ListCoverage");

        Assert.Equal("dynamodb:Scan", (string?)list["Action"]);
        var resources = list["Resource"]!.AsArray()
            .Select(r => string.Concat(r!["Fn::Join"]![1]!.AsArray().Where(p => p is System.Text.Json.Nodes.JsonValue)
                .Select(p => (string)p!)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [":dynamodb:eu-west-1::table/LambdaGuard-AlertClaims", ":dynamodb:us-east-1::table/LambdaGuard-AlertClaims"],
            resources.Select(r => r.Replace("arn:", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Policy_WhenSynthesized_ShouldReadOnlyTheLambdaGuardParameters()
    {
        var read = StatementWithSid(Policy, "ReadLambdaGuardParameters");

        Assert.Equal("ssm:GetParameter", (string?)read["Action"]);
        var names = read["Resource"]!.AsArray().Select(r => (string)r!["Fn::Join"]![1]!.AsArray().Last()!).ToList();
        Assert.Equal(8, names.Count);
        Assert.All(names, n => Assert.StartsWith(":parameter/lambdaguard/", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Policy_WhenSynthesized_ShouldBeNamedAndExportedForAttaching()
    {
        var template = Default.Template(Default.Stacks.Global);

        template.HasResourceProperties("AWS::IAM::ManagedPolicy", new Dictionary<string, object>
        {
            ["ManagedPolicyName"] = "LambdaGuard-SuppressionAdmin",
        });
        template.HasOutput("*", new Dictionary<string, object>
        {
            ["Export"] = new Dictionary<string, object> { ["Name"] = "LambdaGuard-SuppressionAdminPolicyArn" },
        });
    }
}
