using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class OutputsAndParametersTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    [Theory]
    [InlineData("/lambdaguard/suppressions-table", "Suppressions")]
    [InlineData("/lambdaguard/claims-table", "Claims")]
    [InlineData("/lambdaguard/alert-topic-arn", "AlertTopic")]
    public void Parameter_WhenSynthesized_ShouldHoldTheValueTheAdminCliLooksUp(string name, string what)
    {
        var expected = what switch
        {
            "Suppressions" => Ref(LogicalId(Stack.Tables.Suppressions)),
            "Claims" => Ref(LogicalId(Stack.Tables.Claims)),
            _ => Ref(LogicalId(Stack.Alerts.Topic)),
        };

        var parameter = Resources(Default.Json(Stack), "AWS::SSM::Parameter")
            .Single(p => (string?)p.Resource["Properties"]!["Name"] == name).Resource["Properties"]!;
        Assert.Equal("String", (string?)parameter["Type"]);
        Assert.True(SameJson(expected, parameter["Value"]), parameter.ToJsonString());
    }

    [Fact]
    public void Outputs_WhenSynthesized_ShouldNameTheTopicsAndTables()
    {
        var template = Default.Template(Stack);

        template.HasOutput("AlertTopicArn", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = LogicalId(Stack.Alerts.Topic) },
        });
        template.HasOutput("OperationsTopicArn", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = LogicalId(Stack.Operations.Topic) },
        });
        template.HasOutput("SuppressionsTableName", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = LogicalId(Stack.Tables.Suppressions) },
        });
        template.HasOutput("ClaimsTableName", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = LogicalId(Stack.Tables.Claims) },
        });
        template.HasOutput("DetectorFunctionName", Match.AnyValue());
        template.HasOutput("DetectorRoleArn", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { LogicalId(Stack.Detector.Role), "Arn" } },
        });
    }
}
