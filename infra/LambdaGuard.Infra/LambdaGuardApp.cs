using Amazon.CDK;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Infra.Events;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Stacks;
using CdkEnvironment = Amazon.CDK.Environment;

namespace LambdaGuard.Infra;

/// <summary>
/// Composes the app: one regional stack per configured region and one global stack in the first region. The
/// account is left to the deploying credentials, so synth needs none and templates do not embed an account id.
/// </summary>
public static class LambdaGuardApp
{
    public static LambdaGuardStacks Compose(App app, FunctionSource functionSource)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (settings, organization) = OrganizationSettingsReader.Read(app);
        if (organization.IsHub)
        {
            // One detector, in the home region; every other region forwards to it.
            settings = settings with { Regions = [organization.HomeRegion] };
        }

        Tags.Of(app).Add("Application", "LambdaGuard");

        var global = new LambdaGuardGlobalStack(app, ResourceNames.GlobalStack, new LambdaGuardGlobalStackProps
        {
            Settings = settings,
            Env = new CdkEnvironment { Region = settings.GlobalRegion },
            Description = "LambdaGuard once-per-account resources: suppression admin policy, optional trail",
        });

        var regional = new List<LambdaGuardRegionalStack>();
        foreach (var region in settings.Regions)
        {
            var stack = new LambdaGuardRegionalStack(app, ResourceNames.RegionalStack(region), new LambdaGuardRegionalStackProps
            {
                Settings = settings,
                FunctionSource = functionSource,
                Env = new CdkEnvironment { Region = region },
                Description = "LambdaGuard detector: CloudTrail Lambda changes to alerts",
            });
            // Ordering only (no cross-stack references): deploying a regional stack brings the global one along.
            stack.AddDependency(global);
            regional.Add(stack);
        }

        LambdaGuardIamWatchStack? iamWatch = null;
        if (!settings.Regions.Contains(IamTamperRule.Region))
        {
            iamWatch = new LambdaGuardIamWatchStack(app, ResourceNames.IamWatchStack, new LambdaGuardIamWatchStackProps
            {
                Settings = settings,
                Env = new CdkEnvironment { Region = IamTamperRule.Region },
                Description = "LambdaGuard IAM tamper rule (IAM events reach EventBridge only in us-east-1)",
            });
            iamWatch.AddDependency(global);
        }

        if (!organization.IsHub)
        {
            return new LambdaGuardStacks(settings, global, regional) { IamWatch = iamWatch };
        }

        var home = regional[0];
        var hub = new DetectorHub(home, "Hub", new DetectorHubProps
        {
            Settings = organization,
            Detector = home.Detector,
            AlertTopic = home.Alerts,
            ClaimsTable = home.Tables.Claims,
            DeadLetterQueue = home.Queues.RuleDeadLetterQueue,
        });

        var forwarders = new List<LambdaGuardSpokeStack>();
        if (organization.Mode == DeploymentMode.SingleAccount)
        {
            // Same account: the home region's default bus takes the events, no resource policy needed.
            var homeBusArn = $"arn:{Aws.PARTITION}:events:{organization.HomeRegion}:{Aws.ACCOUNT_ID}:event-bus/default";
            foreach (var region in organization.MemberRegions.Skip(1))
            {
                forwarders.Add(new LambdaGuardSpokeStack(app, ForwardingNames.ForwarderStack(region), new LambdaGuardSpokeStackProps
                {
                    CentralBusArn = homeBusArn,
                    Env = new CdkEnvironment { Region = region },
                    Description = $"LambdaGuard forwarding: this region's Lambda API calls and heartbeat to the detector in {organization.HomeRegion}",
                }));
            }
        }

        return new LambdaGuardStacks(settings, global, regional) { IamWatch = iamWatch, Organization = organization, Hub = hub, Forwarders = forwarders };
    }
}
