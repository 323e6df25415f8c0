using LambdaGuard.Infra.Tests.Support;

namespace LambdaGuard.Infra.Tests.Organization;

/// <summary>One account: detector in the home region, three other regions forwarding to it.</summary>
public sealed class SingleAccountDeploymentFixture
{
    public const string HomeRegion = "eu-west-1";

    public static readonly string[] OtherRegions = ["us-east-1", "ap-south-1", "eu-central-1"];

    public SynthesizedDeployment Deployment { get; } = new(new Dictionary<string, object>
    {
        ["homeRegion"] = HomeRegion,
        ["memberRegions"] = string.Join(',', OtherRegions),
    });
}
