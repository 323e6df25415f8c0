using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Tests.Support;

namespace LambdaGuard.Infra.Tests.Organization;

[Collection(OrganizationDeploymentsCollection.Name)]
public sealed class ManagementAccountAppTests
{
    [Fact]
    public void Compose_ForTheManagementAccount_ShouldCreateOneSpokeStackPerRegionSendingToTheCentralBus()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["organizationId"] = "o-exampleorgid",
                ["homeRegion"] = "us-east-1",
                ["deployTo"] = "management",
                ["centralAccountId"] = "111122223333",
                ["memberRegions"] = "us-east-1,eu-west-1",
            },
        });

        Assert.True(ManagementAccountApp.IsRequested(app));
        var stacks = ManagementAccountApp.Compose(app);

        Assert.Equal(["LambdaGuard-Management-us-east-1", "LambdaGuard-Management-eu-west-1"], stacks.Select(s => s.StackName));
        var template = Template.FromStack(stacks[1]);
        template.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["Name"] = ForwardingNames.ForwardRule,
            ["Targets"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Arn"] = new Dictionary<string, object>
                    {
                        ["Fn::Join"] = new object[]
                        {
                            "",
                            new object[]
                            {
                                "arn:", new Dictionary<string, object> { ["Ref"] = "AWS::Partition" },
                                ":events:us-east-1:111122223333:event-bus/LambdaGuard-Organization",
                            },
                        },
                    },
                }),
            },
        });
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void CdkNag_OverTheManagementAccountStacks_ShouldReportNoFinding()
    {
        var outdir = Directory.CreateTempSubdirectory("lambdaguard-management-").FullName;
        try
        {
            var app = new App(new AppProps
            {
                Outdir = outdir,
                Context = new Dictionary<string, object>
                {
                    ["organizationId"] = "o-exampleorgid",
                    ["homeRegion"] = "us-east-1",
                    ["deployTo"] = "management",
                    ["centralAccountId"] = "111122223333",
                    ["memberRegions"] = "us-east-1,eu-west-1",
                    ["aws:cdk:enable-path-metadata"] = true,
                },
            });
            ManagementAccountApp.Compose(app);
            app.Synth();

            var nag = NodeTool.CheckNag(Directory.EnumerateFiles(outdir, "*.template.json").Order(StringComparer.Ordinal));

            Assert.True(nag.ExitCode == 0, nag.ToString());
            Assert.Contains("LambdaGuard-Management-eu-west-1.template.json: 0 unacknowledged, 0 acknowledged", nag.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    [Fact]
    public void Compose_ForTheManagementAccountWithoutTheCentralAccount_ShouldNameTheMissingContextValue()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["organizationId"] = "o-exampleorgid",
                ["regions"] = "us-east-1",
                ["deployTo"] = "management",
            },
        });

        var error = Assert.Throws<InfraSettingsException>(() => ManagementAccountApp.Compose(app));

        Assert.Contains("centralAccountId", error.Message, StringComparison.Ordinal);
    }
}
