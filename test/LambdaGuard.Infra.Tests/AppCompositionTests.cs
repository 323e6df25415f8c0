using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class AppCompositionTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    [Fact]
    public void Compose_WhenTwoRegionsGiven_ShouldCreateOneRegionalStackPerRegionAndOneGlobalStack()
    {
        var stacks = Default.Stacks;

        Assert.Equal("LambdaGuard-Global", stacks.Global.StackName);
        Assert.Equal(DefaultDeploymentFixture.FirstRegion, stacks.Global.Region);
        Assert.Equal(
            [("LambdaGuard-us-east-1", "us-east-1"), ("LambdaGuard-eu-west-1", "eu-west-1")],
            stacks.Regional.Select(s => (s.StackName, s.Region)));
        Assert.Equal(
            ["LambdaGuard-Global.template.json", "LambdaGuard-eu-west-1.template.json", "LambdaGuard-us-east-1.template.json"],
            Default.TemplateFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void RegionalStacks_WhenTwoRegionsGiven_ShouldEachHoldTheWholeDetector()
    {
        foreach (var stack in Default.Stacks.Regional)
        {
            var template = Default.Template(stack);
            template.ResourceCountIs("AWS::Lambda::Function", 1);
            template.ResourceCountIs("AWS::DynamoDB::Table", 2);
            template.ResourceCountIs("AWS::SNS::Topic", 3);
            template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 1);
            template.ResourceCountIs("AWS::IAM::ManagedPolicy", 2);
            Assert.Contains(Default.Stacks.Global, stack.Dependencies);
        }
    }

    [Fact]
    public void GlobalStack_WhenCreateTrailIsOff_ShouldHoldOnlyTheAdminPolicy()
    {
        var template = Default.Template(Default.Stacks.Global);

        template.ResourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.ResourceCountIs("AWS::CloudTrail::Trail", 0);
        template.ResourceCountIs("AWS::S3::Bucket", 0);
        template.ResourceCountIs("AWS::Lambda::Function", 0);
    }

    [Fact]
    public void GlobalStack_WhenCreateTrailIsOn_ShouldCreateAMultiRegionWriteTrail()
    {
        var template = customized.Deployment.Template(customized.Deployment.Stacks.Global);

        template.HasResourceProperties("AWS::CloudTrail::Trail", new Dictionary<string, object>
        {
            ["TrailName"] = "LambdaGuard-Trail",
            ["IsLogging"] = true,
            ["IsMultiRegionTrail"] = true,
            ["IncludeGlobalServiceEvents"] = true,
            ["EnableLogFileValidation"] = true,
            ["EventSelectors"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["IncludeManagementEvents"] = true,
                    ["ReadWriteType"] = "WriteOnly",
                }),
            },
        });
    }

    [Fact]
    public void TrailBuckets_WhenCreateTrailIsOn_ShouldBeEncryptedPrivateTlsOnlyAndRetained()
    {
        var deployment = customized.Deployment;
        var template = deployment.Json(deployment.Stacks.Global);
        var buckets = Resources(template, "AWS::S3::Bucket");

        Assert.Equal(2, buckets.Count);
        Assert.All(buckets, b =>
        {
            Assert.Equal("Retain", (string?)b.Resource["DeletionPolicy"]);
            var properties = b.Resource["Properties"]!;
            Assert.NotNull(properties["BucketEncryption"]);
            Assert.True((bool?)properties["PublicAccessBlockConfiguration"]!["BlockPublicPolicy"]);
        });
        Assert.All(Resources(template, "AWS::S3::BucketPolicy"), p => Assert.Contains(Statements(p.Resource), s =>
            (string?)s["Effect"] == "Deny" && (string?)s["Condition"]?["Bool"]?["aws:SecureTransport"] == "false"));
    }
}
