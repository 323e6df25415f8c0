using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Organization;

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
