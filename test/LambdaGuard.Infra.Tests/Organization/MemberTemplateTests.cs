using System.Text;
using System.Text.Json.Nodes;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests.Organization;

[Collection(OrganizationDeploymentsCollection.Name)]
public sealed class MemberTemplateTests(OrganizationDeploymentFixture organization)
{
    private string Body => organization.Deployment.Stacks.Hub!.StackSet!.TemplateBody;

    private JsonObject Member => JsonNode.Parse(Body)!.AsObject();

    [Fact]
    public void TemplateBody_ShouldFitTheStackSetLimitWithoutAssetsOrBootstrapRule()
    {
        Assert.True(Encoding.UTF8.GetByteCount(Body) <= 51_200, $"{Body.Length} bytes");
        Assert.Null(Member["Rules"]);
        Assert.Equal([LambdaGuardSpokeStack.CentralBusArnParameter], Member["Parameters"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("aws:asset", Body, StringComparison.Ordinal);
        Assert.DoesNotContain("aws:cdk:path", Body, StringComparison.Ordinal);

        var embedded = (string?)Resources(organization.Deployment.Json(organization.Deployment.Stacks.Regional[0]), "AWS::CloudFormation::StackSet")[0].Resource["Properties"]!["TemplateBody"];
        Assert.Equal(Body, embedded);
    }

    [Fact]
    public void MemberTemplate_ShouldHoldOnlyRulesRolesAndTheHeartbeatSchedule()
    {
        var types = Member["Resources"]!.AsObject().Select(r => (string)r.Value!["Type"]!).Order().ToList();

        Assert.Equal(["AWS::Events::Rule", "AWS::Events::Rule", "AWS::IAM::Role", "AWS::IAM::Role", "AWS::Scheduler::Schedule"], types);
    }

    [Fact]
    public void ForwardRule_ShouldMatchTheDetectorsPatternAndHeartbeatsAndTargetTheCentralBus()
    {
        var rules = Resources(Member, "AWS::Events::Rule").ToDictionary(r => (string)r.Resource["Properties"]!["Name"]!, r => r.Resource["Properties"]!);
        var forward = rules[ForwardingNames.ForwardRule];
        var branches = forward["EventPattern"]!["$or"]!.AsArray();

        var central = organization.Deployment.Json(organization.Deployment.Stacks.Regional[0]);
        var detectorPattern = Resources(central, "AWS::Events::Rule")
            .Single(r => (string?)r.Resource["Properties"]!["Name"] == "LambdaGuard-CloudTrail").Resource["Properties"]!["EventPattern"]!;
        Assert.Equal(Canonical(detectorPattern), Canonical(branches[0]!));
        Assert.Equal(ForwardingNames.HeartbeatSource, (string?)branches[1]!["source"]![0]);
        Assert.Contains(ForwardingNames.GuardRule, branches[2]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(LambdaGuardSpokeStack.CentralBusArnParameter, (string?)forward["Targets"]![0]!["Arn"]!["Ref"]);
        Assert.NotNull(forward["Targets"]![0]!["RoleArn"]);
    }

    [Fact]
    public void GuardRule_ShouldReportChangesToTheForwardRuleAndTheHeartbeatSchedule()
    {
        var guard = Resources(Member, "AWS::Events::Rule")
            .Single(r => (string?)r.Resource["Properties"]!["Name"] == ForwardingNames.GuardRule).Resource["Properties"]!;
        var pattern = guard["EventPattern"]!.ToJsonString();

        Assert.Contains("\"DisableRule\"", pattern, StringComparison.Ordinal);
        Assert.Contains("\"name\":[\"" + ForwardingNames.ForwardRule + "\"]", pattern, StringComparison.Ordinal);
        Assert.Contains("\"DeleteSchedule\"", pattern, StringComparison.Ordinal);
        Assert.Equal(LambdaGuardSpokeStack.CentralBusArnParameter, (string?)guard["Targets"]![0]!["Arn"]!["Ref"]);
    }

    [Fact]
    public void ForwarderRole_ShouldOnlyPutEventsOnTheCentralBusAndOnlyBeAssumedByThisAccountsEventBridge()
    {
        var role = Resources(Member, "AWS::IAM::Role")
            .Single(r => r.Resource["Properties"]!["Policies"]![0]!["PolicyName"]!.GetValue<string>() == "PutOnCentralBus").Resource["Properties"]!;

        var statement = role["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray().Single()!;
        Assert.Equal("events:PutEvents", (string?)statement["Action"]);
        Assert.Equal(LambdaGuardSpokeStack.CentralBusArnParameter, (string?)statement["Resource"]!["Ref"]);
        var trust = role["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal("events.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal("AWS::AccountId", (string?)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!["Ref"]);
        Assert.Contains(ForwardingNames.ForwarderRolePrefix, role["RoleName"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeat_ShouldPutTheHeartbeatEventOnTheMembersDefaultBusHourly()
    {
        var (_, schedule) = Assert.Single(Resources(Member, "AWS::Scheduler::Schedule"));
        var properties = schedule["Properties"]!;

        Assert.Equal("rate(60 minutes)", (string?)properties["ScheduleExpression"]);
        Assert.Equal(ForwardingNames.HeartbeatSource, (string?)properties["Target"]!["EventBridgeParameters"]!["Source"]);
        Assert.Equal(ForwardingNames.HeartbeatDetailType, (string?)properties["Target"]!["EventBridgeParameters"]!["DetailType"]);
        Assert.EndsWith(":event-bus/default", properties["Target"]!["Arn"]!["Fn::Join"]![1]!.AsArray().Last()!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void CdkNag_OverTheCentralStackAndTheMemberTemplate_ShouldReportNoUnacknowledgedFinding()
    {
        var folder = Directory.CreateTempSubdirectory("lambdaguard-member-nag-").FullName;
        var memberFile = Path.Combine(folder, "LambdaGuardMember.template.json");
        File.WriteAllText(memberFile, Body);

        var nag = NodeTool.CheckNag([.. organization.Deployment.TemplateFiles, memberFile]);
        Directory.Delete(folder, recursive: true);

        Assert.True(nag.ExitCode == 0, nag.ToString());
        Assert.Contains("LambdaGuardMember.template.json: 0 unacknowledged", nag.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CloudFormation Validate", nag.Output, StringComparison.Ordinal);
    }

    // Key order differs between the L2 rule and the raw pattern; EventBridge does not care.
    private static string Canonical(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value!)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(n => Canonical(n!))) + "]",
        _ => node.ToJsonString(),
    };
}
