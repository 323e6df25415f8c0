namespace LambdaGuard.Infra.Organization;

/// <summary>Physical names of the forwarding path. The central bus policy and the tamper patterns match on them,
/// so they are the same in every account and region (role names carry the region: IAM is global).</summary>
public static class ForwardingNames
{
    public const string OrganizationBus = "LambdaGuard-Organization";
    public const string ForwardRule = "LambdaGuard-Forward";
    public const string GuardRule = "LambdaGuard-ForwardGuard";
    public const string HeartbeatSchedule = "LambdaGuard-SpokeHeartbeat";
    public const string ForwarderRolePrefix = "LambdaGuard-Forwarder-";
    public const string HeartbeatRolePrefix = "LambdaGuard-SpokeHeartbeat-";

    public const string HubCloudTrailRule = "LambdaGuard-Hub-CloudTrail";
    public const string HubHeartbeatRule = "LambdaGuard-Hub-Heartbeats";
    public const string HubTamperRule = "LambdaGuard-Hub-ForwardingTamper";
    public const string HubSelfTamperRule = "LambdaGuard-Hub-Tamper";
    public const string HubCoverageCheckRule = "LambdaGuard-Hub-CoverageCheck";

    public const string MemberStackSet = "LambdaGuard-Members";

    public const string HeartbeatSource = "lambdaguard.heartbeat";
    public const string HeartbeatDetailType = "LambdaGuard Heartbeat";
    public const string HeartbeatDetail = "{\"schema\":\"lambdaguard.heartbeat/v1\",\"kind\":\"heartbeat\"}";

    public static string ForwarderStack(string region) => $"LambdaGuard-Forward-{region}";

    public static string ManagementStack(string region) => $"LambdaGuard-Management-{region}";

    public static IReadOnlyList<string> SpokeRuleNames { get; } = [ForwardRule, GuardRule];

    public static IReadOnlyList<string> HubRuleNames { get; } =
        [HubCloudTrailRule, HubHeartbeatRule, HubTamperRule, HubSelfTamperRule, HubCoverageCheckRule];
}
