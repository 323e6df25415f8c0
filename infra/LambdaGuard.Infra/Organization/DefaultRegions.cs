namespace LambdaGuard.Infra.Organization;

/// <summary>
/// The regions AWS enables in every new account (the ones that need no opt-in). Opt-in regions (e.g.
/// af-south-1, ap-east-1, me-south-1, eu-south-1) are added with -c memberRegions once enabled.
/// </summary>
public static class DefaultRegions
{
    public static IReadOnlyList<string> EnabledByDefault { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ca-central-1", "sa-east-1",
        "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
    ];
}
