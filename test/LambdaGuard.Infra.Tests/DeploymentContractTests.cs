using System.Reflection;
using System.Text.Json.Nodes;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Matching;
using LambdaGuard.Function.Settings;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Organization;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

/// <summary>The infra cannot reference the function at compile time (it packages its publish output), so the
/// names both sides rely on are written twice; these tests hold the two copies together: the environment
/// the stack gives the function is one the function accepts, and the table names, the SSM parameter and
/// the own-function glob are the ones the function, the adapters and the admin CLI use.</summary>
[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class DeploymentContractTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    [Fact]
    public void FunctionEnvironment_WhenEverySettingIsCustomized_ShouldUseExactlyTheVariablesTheFunctionReads()
    {
        // Arrange
        var deployment = customized.Deployment;

        // Act
        var environment = Environment(deployment, deployment.Stacks.Regional[0]);

        // Assert: every variable but the hub's coverage window, which a detector serving one region goes without.
        Assert.Equal(
            FunctionVariables().Where(v => v != FunctionSettings.CoverageQuietMinutesVariable).Order(StringComparer.Ordinal),
            environment.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionEnvironment_WhenDefaults_ShouldBeAcceptedByTheFunctionWithTheSharedTableNames()
    {
        // Arrange
        var deployment = defaults.Deployment;
        var stack = deployment.Stacks.Regional[0];

        // Act
        var settings = FunctionSettings.FromEnvironment(Resolved(deployment, stack).GetValueOrDefault);

        // Assert
        Assert.Equal(LambdaGuardTables.SuppressionsTableName, settings.SuppressionsTable);
        Assert.Equal(LambdaGuardTables.AlertClaimsTableName, settings.ClaimsTable);
        Assert.EndsWith($":{ResourceNames.AlertTopic}", settings.TopicArn, StringComparison.Ordinal);
        Assert.Equal(DetectorSettings.DefaultOwnFunctionGlob, settings.Detector.OwnFunctionGlob);
    }

    [Fact]
    public void OwnFunctionGlob_WhenDefaults_ShouldCoverTheDeployedDetectorFunction()
    {
        // Arrange
        var deployment = defaults.Deployment;
        var stack = deployment.Stacks.Regional[0];
        var functionName = (string?)Properties(deployment.Json(stack), LogicalId(stack.Detector.Function))["FunctionName"];

        // Act
        var glob = Resolved(deployment, stack)[FunctionSettings.OwnFunctionVariable];

        // Assert
        Assert.True(Glob.IsMatch(glob, functionName), $"LG010's glob {glob} does not cover the detector {functionName}");
    }

    [Fact]
    public void SuppressionsTableParameter_WhenDefaults_ShouldBeWhereTheAdminCliLooksAndNameTheTable()
    {
        // Arrange
        var deployment = defaults.Deployment;
        var template = deployment.Json(deployment.Stacks.Regional[0]);

        // Act
        var parameter = Resources(template, "AWS::SSM::Parameter")
            .Select(r => (JsonObject)r.Resource["Properties"]!)
            .Single(p => (string?)p["Name"] == TableLocator.Suppressions.ParameterName);

        // Assert
        Assert.Equal(ResourceNames.SuppressionsTableParameter, TableLocator.Suppressions.ParameterName);
        Assert.Equal(ResourceNames.ClaimsTableParameter, TableLocator.Claims.ParameterName);
        Assert.Equal(LambdaGuardTables.SuppressionsTableName, Resolve(template, parameter["Value"], "us-east-1"));
    }

    /// <summary>The organization hub (the issue's acceptance command) adds the spoke-coverage window.</summary>
    [Collection(OrganizationDeploymentsCollection.Name)]
    public sealed class InOrganizationMode(OrganizationDeploymentFixture organization)
    {
        [Fact]
        public void FunctionEnvironment_WhenOrganizationHub_ShouldUseOnlyVariablesTheFunctionReads()
        {
            // Arrange
            var deployment = organization.Deployment;

            // Act
            var environment = Environment(deployment, deployment.Stacks.Regional[0]);

            // Assert
            Assert.Empty(environment.Keys.Except(FunctionVariables(), StringComparer.Ordinal));
            Assert.Contains(FunctionSettings.CoverageQuietMinutesVariable, environment.Keys);
        }

        [Fact]
        public void FunctionEnvironment_WhenOrganizationHub_ShouldBeAcceptedByTheFunctionWithTheQuietWindow()
        {
            // Arrange
            var deployment = organization.Deployment;

            // Act
            var settings = FunctionSettings.FromEnvironment(Resolved(deployment, deployment.Stacks.Regional[0]).GetValueOrDefault);

            // Assert
            Assert.Equal(TimeSpan.FromHours(OrganizationSettings.DefaultQuietHours), settings.CoverageQuietWindow);
            Assert.Equal(LambdaGuardTables.AlertClaimsTableName, settings.ClaimsTable);
        }
    }

    private static IEnumerable<string> FunctionVariables() =>
        typeof(FunctionSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Variable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static Dictionary<string, JsonNode?> Environment(SynthesizedDeployment deployment, LambdaGuardRegionalStack stack)
    {
        var function = Properties(deployment.Json(stack), LogicalId(stack.Detector.Function));
        return function["Environment"]!["Variables"]!.AsObject().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Resolved(SynthesizedDeployment deployment, LambdaGuardRegionalStack stack)
    {
        var template = deployment.Json(stack);
        return Environment(deployment, stack).ToDictionary(p => p.Key, p => Resolve(template, p.Value, stack.Region), StringComparer.Ordinal);
    }

    // Stands in for CloudFormation: a Ref to a table is its name, a Ref to a topic its ARN.
    private static string Resolve(JsonObject template, JsonNode? value, string region)
    {
        if (value is JsonValue text)
        {
            return text.GetValue<string>();
        }

        var logicalId = (string?)value?["Ref"] ?? throw new InvalidOperationException($"cannot resolve {value?.ToJsonString()}");
        var resource = Resource(template, logicalId);
        return (string?)resource["Type"] switch
        {
            "AWS::DynamoDB::Table" => (string)resource["Properties"]!["TableName"]!,
            "AWS::SNS::Topic" => $"arn:aws:sns:{region}:123456789012:{(string)resource["Properties"]!["TopicName"]!}",
            var type => throw new InvalidOperationException($"cannot resolve a Ref to {type}"),
        };
    }
}
