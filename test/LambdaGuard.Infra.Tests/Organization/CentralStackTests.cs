using System.Text.Json.Nodes;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests.Organization;

[Collection(OrganizationDeploymentsCollection.Name)]
public sealed class CentralStackTests(OrganizationDeploymentFixture organization)
{
    private SynthesizedDeployment Deployment => organization.Deployment;

    private JsonObject Central => Deployment.Json(Deployment.Stacks.Regional[0]);

    [Fact]
    public void Compose_InOrganizationMode_ShouldCreateOneDetectorStackInTheHomeRegionAndNoForwarderStacks()
    {
        Assert.Equal(["LambdaGuard-us-east-1"], Deployment.Stacks.Regional.Select(s => s.StackName));
        Assert.Empty(Deployment.Stacks.Forwarders);
        Assert.Equal(
            ["LambdaGuard-Global.template.json", "LambdaGuard-us-east-1.template.json"],
            Deployment.TemplateFiles.Select(Path.GetFileName));
        var template = Deployment.Template(Deployment.Stacks.Regional[0]);
        template.ResourceCountIs("AWS::Lambda::Function", 1);
        template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        // Alerts, the alert-JSON topic for https subscribers, and operations: one of each for the whole organization.
        template.ResourceCountIs("AWS::SNS::Topic", 3);
    }

    [Fact]
    public void OrganizationBus_Policy_ShouldAcceptPutEventsOnlyFromTheOrganizationsForwarderRoles()
    {
        var (_, policy) = Assert.Single(Resources(Central, "AWS::Events::EventBusPolicy"));
        var statement = policy["Properties"]!["Statement"]!.AsObject();

        Assert.Equal("events:PutEvents", (string?)statement["Action"]);
        Assert.Equal("*", (string?)statement["Principal"]);
        Assert.Equal(OrganizationDeploymentFixture.OrganizationId, (string?)statement["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"]);
        var principalArn = statement["Condition"]!["ArnLike"]!["aws:PrincipalArn"]!.ToJsonString();
        Assert.Contains(":iam::*:role/LambdaGuard-Forwarder-*", principalArn, StringComparison.Ordinal);
        var (busId, bus) = Assert.Single(Resources(Central, "AWS::Events::EventBus"));
        Assert.Equal(ForwardingNames.OrganizationBus, (string?)bus["Properties"]!["Name"]);
        Assert.Equal(busId, (string?)policy["Properties"]!["EventBusName"]!["Ref"]);
    }

    [Fact]
    public void DetectorRuleOnTheBus_ShouldUseTheDefaultBusRulesPatternAndTargetTheDetectorAlias()
    {
        var rules = Resources(Central, "AWS::Events::Rule").ToDictionary(r => (string)r.Resource["Properties"]!["Name"]!, r => r.Resource);
        var onBus = rules[ForwardingNames.HubCloudTrailRule]["Properties"]!;
        var onDefault = rules["LambdaGuard-CloudTrail"]["Properties"]!;

        Assert.Equal(onDefault["EventPattern"]!.ToJsonString(), onBus["EventPattern"]!.ToJsonString());
        Assert.Equal(LogicalId(Deployment.Stacks.Hub!.Bus!), (string?)onBus["EventBusName"]!["Ref"]);
        Assert.Equal(onDefault["Targets"]![0]!["Arn"]!.ToJsonString(), onBus["Targets"]![0]!["Arn"]!.ToJsonString());
        Assert.Equal(ForwardingNames.HeartbeatSource, (string?)rules[ForwardingNames.HubHeartbeatRule]["Properties"]!["EventPattern"]!["source"]![0]);
        Assert.Equal("rate(1 hour)", (string?)rules[ForwardingNames.HubCoverageCheckRule]["Properties"]!["ScheduleExpression"]);
    }

    [Fact]
    public void ForwardingTamperRule_ShouldSendChangesToTheSpokeRulesStraightToTheAlertTopic()
    {
        var rules = Resources(Central, "AWS::Events::Rule").ToDictionary(r => (string)r.Resource["Properties"]!["Name"]!, r => r.Resource);
        var tamper = rules[ForwardingNames.HubTamperRule]["Properties"]!;
        var pattern = tamper["EventPattern"]!.ToJsonString();

        Assert.Contains("\"DisableRule\"", pattern, StringComparison.Ordinal);
        Assert.Contains("\"RemoveTargets\"", pattern, StringComparison.Ordinal);
        Assert.Contains(ForwardingNames.ForwardRule, pattern, StringComparison.Ordinal);
        Assert.Contains(ForwardingNames.HeartbeatSchedule, pattern, StringComparison.Ordinal);
        Assert.Equal(LogicalId(Deployment.Stacks.Hub!.Bus!), (string?)tamper["EventBusName"]!["Ref"]);
        Assert.Equal(LogicalId(Deployment.Stacks.Regional[0].Alerts.Topic), (string?)tamper["Targets"]![0]!["Arn"]!["Ref"]);
        Assert.Contains(ForwardingNames.MemberStackSet, rules[ForwardingNames.HubSelfTamperRule]["Properties"]!["EventPattern"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StackSet_ShouldBeServiceManagedWithAutoDeploymentToTheOusAndEveryDefaultRegion()
    {
        var (_, stackSet) = Assert.Single(Resources(Central, "AWS::CloudFormation::StackSet"));
        var properties = stackSet["Properties"]!;

        Assert.Equal("SERVICE_MANAGED", (string?)properties["PermissionModel"]);
        Assert.Equal("SELF", (string?)properties["CallAs"]);
        Assert.True((bool)properties["AutoDeployment"]!["Enabled"]!);
        Assert.True((bool)properties["ManagedExecution"]!["Active"]!);
        Assert.Equal("CAPABILITY_NAMED_IAM", (string?)properties["Capabilities"]![0]);
        var group = properties["StackInstancesGroup"]![0]!;
        Assert.Equal([OrganizationDeploymentFixture.Unit], group["DeploymentTargets"]!["OrganizationalUnitIds"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(DefaultRegions.EnabledByDefault.Order(), group["Regions"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Equal(17, group["Regions"]!.AsArray().Count);
        var parameter = properties["Parameters"]![0]!;
        Assert.Equal(LambdaGuardSpokeStack.CentralBusArnParameter, (string?)parameter["ParameterKey"]);
        Assert.Equal(LogicalId(Deployment.Stacks.Hub!.Bus!), (string?)parameter["ParameterValue"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void Detector_InOrganizationMode_ShouldGetTheQuietWindowAndMayOnlyScanTheClaimsTable()
    {
        var (_, function) = Assert.Single(Resources(Central, "AWS::Lambda::Function"));
        Assert.Equal("240", (string?)function["Properties"]!["Environment"]!["Variables"]![DetectorHub.QuietMinutesVariable]);

        var policy = Resource(Central, LogicalId(Deployment.Stacks.Hub!.CoveragePolicy));
        var statement = StatementWithSid(policy, "ListSpokeSignals");
        Assert.Equal("dynamodb:Scan", (string?)statement["Action"]);
        Assert.Equal(LogicalId(Deployment.Stacks.Regional[0].Tables.Claims), (string?)statement["Resource"]!["Fn::GetAtt"]![0]);
        Assert.Equal("SPECIFIC_ATTRIBUTES", (string?)statement["Condition"]!["StringEquals"]!["dynamodb:Select"]);
        Assert.Equal(
            ["account", "alertId", "lastSignalMs", "quietAlertedMs", "region"],
            Strings(statement["Condition"]!["ForAllValues:StringEquals"]!["dynamodb:Attributes"]).Order(StringComparer.Ordinal));
    }
}
