using Amazon.CDK;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Infra.Events;
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
        var settings = InfraSettingsReader.Read(
            key => app.Node.TryGetContext(key),
            System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"));

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

        return new LambdaGuardStacks(settings, global, regional) { IamWatch = iamWatch };
    }
}
