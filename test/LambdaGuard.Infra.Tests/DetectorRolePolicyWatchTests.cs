using System.Text.Json.Nodes;
using LambdaGuard.Infra.Tests.Organization;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

/// <summary>A policy on the detector role that the IAM tamper rule does not watch can be given a Deny version
/// unseen, silencing the detector; so every policy attached to the role, in every stack mode, must be named under
/// the rule's policy prefix (and the role itself be watched, which covers inline policies and detaching).</summary>
[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class DetectorRolePolicyWatchTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    [Fact]
    public void DetectorRolePolicies_WhenSingleRegionDefaults_ShouldAllBeWatchedByTheIamTamperRule()
    {
        AssertEveryDetectorPolicyIsWatched(defaults.Deployment);
    }

    [Fact]
    public void DetectorRolePolicies_WhenEverySettingIsCustomized_ShouldAllBeWatchedByTheIamTamperRule()
    {
        AssertEveryDetectorPolicyIsWatched(customized.Deployment);
    }

    [Collection(OrganizationDeploymentsCollection.Name)]
    public sealed class InHubModes(OrganizationDeploymentFixture organization, SingleAccountDeploymentFixture singleAccount)
    {
        [Fact]
        public void DetectorRolePolicies_WhenOrganizationHub_ShouldAllBeWatchedByTheIamTamperRule()
        {
            var names = AssertEveryDetectorPolicyIsWatched(organization.Deployment);

            Assert.Contains("LambdaGuard-Detector-us-east-1-Coverage", names);
        }

        [Fact]
        public void DetectorRolePolicies_WhenSingleAccountHub_ShouldAllBeWatchedByTheIamTamperRule()
        {
            var names = AssertEveryDetectorPolicyIsWatched(singleAccount.Deployment);

            Assert.Contains("LambdaGuard-Detector-eu-west-1-Coverage", names);
        }
    }

    private static List<string> AssertEveryDetectorPolicyIsWatched(SynthesizedDeployment deployment)
    {
        // Arrange: what the IAM tamper rule watches, wherever the deployment put it.
        var rule = deployment.AllStacks
            .SelectMany(s => Resources(deployment.Json(s), "AWS::Events::Rule"))
            .Select(r => (JsonObject)r.Resource["Properties"]!)
            .Single(p => (string?)p["Name"] == "LambdaGuard-Tamper-Iam");
        var branches = rule["EventPattern"]!["detail"]!["$or"]!.AsArray().Select(b => b!.AsObject()).ToList();
        var watchedRoles = branches.Where(b => b["requestParameters"]!["roleName"] is not null)
            .SelectMany(b => Strings(b["requestParameters"]!["roleName"])).ToList();
        var policyArnPrefix = branches.Single(b => b["requestParameters"]!["policyArn"] is not null)["requestParameters"]!["policyArn"]![0]!["prefix"];
        var watchedPolicyPrefix = LastText(policyArnPrefix);
        watchedPolicyPrefix = watchedPolicyPrefix[(watchedPolicyPrefix.IndexOf(":policy/", StringComparison.Ordinal) + 8)..];
        Assert.False(string.IsNullOrEmpty(watchedPolicyPrefix));

        var names = new List<string>();
        foreach (var stack in deployment.Stacks.Regional)
        {
            // Act: every policy the detector role holds in this stack.
            var template = deployment.Json(stack);
            var roleId = LogicalId(stack.Detector.Role);
            var role = Properties(template, roleId);
            Assert.Null(role["Policies"]);
            var managed = Resources(template, "AWS::IAM::ManagedPolicy")
                .Where(p => p.Resource["Properties"]!["Roles"]?.AsArray().Any(r => SameJson(r, Ref(roleId))) == true)
                .Select(p => p.LogicalId)
                .ToList();
            foreach (var arn in role["ManagedPolicyArns"]?.AsArray() ?? [])
            {
                var id = (string?)arn?["Ref"];
                Assert.True(id is not null && (string?)Resource(template, id)["Type"] == "AWS::IAM::ManagedPolicy", $"{stack.StackName}: detector role holds {arn?.ToJsonString()}");
                managed.Add(id!);
            }

            // Assert
            Assert.Contains((string?)role["RoleName"], watchedRoles);
            Assert.NotEmpty(managed);
            foreach (var id in managed.Distinct())
            {
                var policy = Properties(template, id);
                var name = (string?)policy["ManagedPolicyName"];
                Assert.True(name is not null && name.StartsWith(watchedPolicyPrefix, StringComparison.Ordinal), $"{stack.StackName}: policy {id} ({name ?? "unnamed"}) is outside the IAM tamper rule's {watchedPolicyPrefix}*");
                Assert.True(policy["Path"] is null || (string?)policy["Path"] == "/", $"{stack.StackName}: policy {id} has a path, so its ARN escapes the watched prefix");
                names.Add(name!);
            }
        }

        return names;
    }

    private static string LastText(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject join when join["Fn::Join"] is JsonArray parts => LastText(parts[1]!.AsArray().Last(p => p is JsonValue)),
        _ => throw new InvalidOperationException($"cannot read the policy prefix {node?.ToJsonString()}"),
    };
}
