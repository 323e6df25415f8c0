using System.Text.Json.Nodes;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class DetectorSettingsParameterTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    [Fact]
    public void Parameter_WhenDefaults_ShouldPublishTheDefaultSettingsAsJson()
    {
        var value = SettingsOf(defaults.Deployment, defaults.Deployment.Stacks.Regional[0]);

        Assert.True(SameJson(
            JsonNode.Parse("""{"ownFunction":"*LambdaGuard*","humanRoles":[],"trustedAccounts":[],"trustedOrganizationId":null}"""),
            value), value.ToJsonString());
    }

    [Fact]
    public void Parameter_WhenCustomized_ShouldCarryTheSameSettingsAsTheFunction()
    {
        var deployment = customized.Deployment;
        var stack = deployment.Stacks.Regional[0];
        var value = SettingsOf(deployment, stack);

        Assert.Equal("LambdaGuard-*", (string?)value["ownFunction"]);
        Assert.Equal(["arn:aws:iam::*:role/Admin*", "arn:aws:iam::*:role/BreakGlass"], Strings(value["humanRoles"]));
        Assert.Equal(["111122223333", "4444*"], Strings(value["trustedAccounts"]));
        Assert.Equal("o-abcdefghij", (string?)value["trustedOrganizationId"]);

        var variables = Properties(deployment.Json(stack), LogicalId(stack.Detector.Function))["Environment"]!["Variables"]!;
        Assert.Equal("LambdaGuard-*", (string?)variables["LAMBDAGUARD_OWN_FUNCTION"]);
        Assert.Equal(string.Join(',', Strings(value["humanRoles"])), (string?)variables["LAMBDAGUARD_HUMAN_ROLES"]);
    }

    [Fact]
    public void AdminPolicy_WhenSynthesized_ShouldMayReadTheDetectorSettingsInEveryRegion()
    {
        var global = defaults.Deployment.Stacks.Global;
        var policy = Resource(defaults.Deployment.Json(global), LogicalId(global.AdminPolicy.Policy));
        var names = StatementWithSid(policy, "ReadLambdaGuardParameters")["Resource"]!.AsArray()
            .Select(r => r!.ToJsonString())
            .Where(r => r.Contains(":parameter/lambdaguard/detector-settings", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, names.Count);
        Assert.Contains(names, n => n.Contains(":ssm:us-east-1:", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(":ssm:eu-west-1:", StringComparison.Ordinal));
    }

    private static JsonNode SettingsOf(SynthesizedDeployment deployment, Amazon.CDK.Stack stack)
    {
        var parameter = Resources(deployment.Json(stack), "AWS::SSM::Parameter")
            .Single(p => (string?)p.Resource["Properties"]!["Name"] == "/lambdaguard/detector-settings").Resource["Properties"]!;
        Assert.Equal("String", (string?)parameter["Type"]);
        return JsonNode.Parse((string)parameter["Value"]!)!;
    }
}
