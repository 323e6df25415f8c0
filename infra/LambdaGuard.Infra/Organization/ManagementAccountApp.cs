using Amazon.CDK;
using LambdaGuard.Infra.Configuration;
using CdkEnvironment = Amazon.CDK.Environment;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// The separate step for the organization's management account (-c deployTo=management): StackSets never
/// deploy there, so it gets one spoke stack per member region, sending to the central account's bus.
/// </summary>
public static class ManagementAccountApp
{
    public static bool IsRequested(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Node.TryGetContext(OrganizationContextKeys.DeployTo) is string target &&
            target.Trim() == "management";
    }

    public static IReadOnlyList<LambdaGuardSpokeStack> Compose(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (_, settings) = OrganizationSettingsReader.Read(app);
        if (settings.Mode != DeploymentMode.OrganizationManagement)
        {
            throw new InfraSettingsException(
                $"context '{OrganizationContextKeys.DeployTo}=management' needs -c {OrganizationContextKeys.OrganizationId}=o-....");
        }

        Tags.Of(app).Add("Application", "LambdaGuard");
        var busArn = $"arn:{Aws.PARTITION}:events:{settings.HomeRegion}:{settings.CentralAccountId}:event-bus/{ForwardingNames.OrganizationBus}";
        return
        [
            .. settings.MemberRegions.Select(region => new LambdaGuardSpokeStack(app, ForwardingNames.ManagementStack(region), new LambdaGuardSpokeStackProps
            {
                CentralBusArn = busArn,
                Env = new CdkEnvironment { Region = region },
                Description = "LambdaGuard management account: forwards Lambda API calls and a heartbeat to the central LambdaGuard bus",
            })),
        ];
    }
}
