using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests.Organization;

[Collection(OrganizationDeploymentsCollection.Name)]
public sealed class SingleAccountTests(SingleAccountDeploymentFixture single)
{
    private SynthesizedDeployment Deployment => single.Deployment;

    [Fact]
    public void Compose_WithAHomeRegion_ShouldRunOneDetectorThereAndForwardEveryOtherRegion()
    {
        Assert.Equal(["LambdaGuard-eu-west-1"], Deployment.Stacks.Regional.Select(s => s.StackName));
        Assert.Equal(SingleAccountDeploymentFixture.HomeRegion, Deployment.Stacks.Global.Region);
        Assert.Equal(
            SingleAccountDeploymentFixture.OtherRegions.Select(r => ($"LambdaGuard-Forward-{r}", r)),
            Deployment.Stacks.Forwarders.Select(s => (s.StackName, s.Region)));
        foreach (var forwarder in Deployment.Stacks.Forwarders)
        {
            var template = Deployment.Template(forwarder);
            template.ResourceCountIs("AWS::Lambda::Function", 0);
            template.ResourceCountIs("AWS::DynamoDB::Table", 0);
            template.ResourceCountIs("AWS::Events::Rule", 2);
            template.ResourceCountIs("AWS::Scheduler::Schedule", 1);
        }
    }

    [Fact]
    public void ForwarderStack_ShouldTargetTheHomeRegionsDefaultBusWithoutBootstrap()
    {
        var json = Deployment.Json(Deployment.Stacks.Forwarders[0]);
        var forward = Resources(json, "AWS::Events::Rule")
            .Single(r => (string?)r.Resource["Properties"]!["Name"] == ForwardingNames.ForwardRule).Resource["Properties"]!;

        var target = forward["Targets"]![0]!["Arn"]!.ToJsonString();
        Assert.Contains(":events:eu-west-1:", target, StringComparison.Ordinal);
        Assert.Contains(":event-bus/default", target, StringComparison.Ordinal);
        Assert.Null(json["Rules"]);
        Assert.Null(json["Parameters"]?["BootstrapVersion"]);
    }

    [Fact]
    public void HomeStack_ShouldListenForHeartbeatsAndTamperOnTheDefaultBusAndSendItsOwnHeartbeat()
    {
        var json = Deployment.Json(Deployment.Stacks.Regional[0]);
        var rules = Resources(json, "AWS::Events::Rule").ToDictionary(r => (string)r.Resource["Properties"]!["Name"]!, r => r.Resource["Properties"]!);

        Assert.Null(rules[ForwardingNames.HubHeartbeatRule]["EventBusName"]);
        Assert.Null(rules[ForwardingNames.HubTamperRule]["EventBusName"]);
        Assert.False(rules.ContainsKey(ForwardingNames.HubCloudTrailRule));
        Assert.False(rules.ContainsKey(ForwardingNames.ForwardRule));
        Assert.Single(Resources(json, "AWS::Scheduler::Schedule"));
        Assert.Empty(Resources(json, "AWS::Events::EventBus"));
        Assert.Empty(Resources(json, "AWS::CloudFormation::StackSet"));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void CdkNag_OverTheSingleAccountStacks_ShouldReportNoUnacknowledgedFinding()
    {
        var nag = NodeTool.CheckNag(Deployment.TemplateFiles);

        Assert.True(nag.ExitCode == 0, nag.ToString());
    }
}
