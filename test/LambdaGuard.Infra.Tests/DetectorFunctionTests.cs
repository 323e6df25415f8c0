using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class DetectorFunctionTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    [Fact]
    public void Function_WhenSynthesized_ShouldRunDotnet10OnArm64WithTheContractHandler()
    {
        Default.Template(Stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "LambdaGuard-Detector",
            ["Runtime"] = "dotnet10",
            ["Architectures"] = new[] { "arm64" },
            ["Handler"] = "LambdaGuard.Function::LambdaGuard.Function.FunctionHandler::Handle",
            ["MemorySize"] = 256,
            ["Timeout"] = 30,
        });
    }

    [Fact]
    public void Function_WhenDefaults_ShouldHaveNoReservedConcurrencyAndNoSnapStart()
    {
        Default.Template(Stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "LambdaGuard-Detector",
            ["ReservedConcurrentExecutions"] = Match.Absent(),
            ["SnapStart"] = Match.Absent(),
        });
    }

    [Fact]
    public void Function_WhenSynthesized_ShouldLogJsonToItsOwnRetainedLogGroup()
    {
        var logGroup = LogicalId(Stack.Detector.LogGroup);
        var template = Default.Json(Stack);

        var function = Properties(template, LogicalId(Stack.Detector.Function));
        Assert.Equal("JSON", (string?)function["LoggingConfig"]!["LogFormat"]);
        Assert.True(SameJson(Ref(logGroup), function["LoggingConfig"]!["LogGroup"]));

        var group = Resource(template, logGroup);
        Assert.Equal("/aws/lambda/LambdaGuard-Detector", (string?)group["Properties"]!["LogGroupName"]);
        Assert.Equal(90, (int?)group["Properties"]!["RetentionInDays"]);
        Assert.Equal("Retain", (string?)group["DeletionPolicy"]);
    }

    [Fact]
    public void Function_WhenSynthesized_ShouldGetTheContractEnvironment()
    {
        var template = Default.Json(Stack);
        var variables = Properties(template, LogicalId(Stack.Detector.Function))["Environment"]!["Variables"]!.AsObject();

        Assert.True(SameJson(Ref(LogicalId(Stack.Tables.Suppressions)), variables["LAMBDAGUARD_SUPPRESSIONS_TABLE"]));
        Assert.True(SameJson(Ref(LogicalId(Stack.Tables.Claims)), variables["LAMBDAGUARD_CLAIMS_TABLE"]));
        Assert.True(SameJson(Ref(LogicalId(Stack.Alerts.Topic)), variables["LAMBDAGUARD_TOPIC_ARN"]));
        Assert.Equal("*LambdaGuard*", (string?)variables["LAMBDAGUARD_OWN_FUNCTION"]);
        Assert.Equal("60", (string?)variables["LAMBDAGUARD_SUPPRESSION_CACHE_SECONDS"]);
        Assert.Equal("30", (string?)variables["LAMBDAGUARD_TIMEOUT_SECONDS"]);
        Assert.Null(variables["LAMBDAGUARD_HUMAN_ROLES"]);
        Assert.Null(variables["LAMBDAGUARD_TRUSTED_ACCOUNTS"]);
        Assert.Null(variables["LAMBDAGUARD_TRUSTED_ORG_ID"]);
    }

    [Fact]
    public void LiveAlias_WhenSynthesized_ShouldPointAtThePublishedVersion()
    {
        var template = Default.Json(Stack);
        var alias = Properties(template, LogicalId(Stack.Detector.Alias));

        Assert.Equal("live", (string?)alias["Name"]);
        var version = alias["FunctionVersion"]!["Fn::GetAtt"]!.AsArray();
        Assert.Equal("AWS::Lambda::Version", (string?)Resource(template, (string)version[0]!)["Type"]);
    }

    [Fact]
    public void AsyncInvokeConfig_WhenSynthesized_ShouldLimitRetriesOnTheAliasAndParkFailuresInTheQueue()
    {
        var template = Default.Json(Stack);
        var config = TemplateJson.Resources(template, "AWS::Lambda::EventInvokeConfig").Single().Resource;
        var properties = config["Properties"]!;

        Assert.Equal("live", (string?)properties["Qualifier"]);
        Assert.Equal(2, (int?)properties["MaximumRetryAttempts"]);
        Assert.Equal(6 * 3600, (int?)properties["MaximumEventAgeInSeconds"]);
        Assert.True(SameJson(
            GetAtt(LogicalId(Stack.Queues.AsyncFailureQueue), "Arn"),
            properties["DestinationConfig"]!["OnFailure"]!["Destination"]));
        Assert.Contains(LogicalId(Stack.Detector.Alias), Strings(config["DependsOn"]));
    }

    [Fact]
    public void Function_WhenCustomized_ShouldApplyEveryContextValue()
    {
        var deployment = customized.Deployment;
        var stack = deployment.Stacks.Regional[0];
        var template = deployment.Json(stack);

        var function = Properties(template, LogicalId(stack.Detector.Function));
        Assert.Equal(512, (int?)function["MemorySize"]);
        Assert.Equal(60, (int?)function["Timeout"]);
        Assert.Equal(5, (int?)function["ReservedConcurrentExecutions"]);
        Assert.Equal("PublishedVersions", (string?)function["SnapStart"]!["ApplyOn"]);

        var variables = function["Environment"]!["Variables"]!;
        Assert.Equal("arn:aws:iam::*:role/Admin*,arn:aws:iam::*:role/BreakGlass", (string?)variables["LAMBDAGUARD_HUMAN_ROLES"]);
        Assert.Equal("111122223333,4444*", (string?)variables["LAMBDAGUARD_TRUSTED_ACCOUNTS"]);
        Assert.Equal("o-abcdefghij", (string?)variables["LAMBDAGUARD_TRUSTED_ORG_ID"]);
        Assert.Equal("30", (string?)variables["LAMBDAGUARD_SUPPRESSION_CACHE_SECONDS"]);
        Assert.Equal("60", (string?)variables["LAMBDAGUARD_TIMEOUT_SECONDS"]);

        Assert.Equal(365, (int?)Properties(template, LogicalId(stack.Detector.LogGroup))["RetentionInDays"]);
    }
}
