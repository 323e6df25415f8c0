namespace LambdaGuard.Infra.Organization;

public sealed record OrganizationSettings
{
    public const int DefaultQuietHours = 4;
    public const string CallAsSelf = "SELF";
    public const string CallAsDelegatedAdmin = "DELEGATED_ADMIN";

    public static OrganizationSettings PerRegion { get; } = new() { Mode = DeploymentMode.PerRegion };

    public required DeploymentMode Mode { get; init; }

    public string? OrganizationId { get; init; }

    public string HomeRegion { get; init; } = string.Empty;

    public IReadOnlyList<string> MemberOrganizationalUnits { get; init; } = [];

    // Every region that gets a forwarding rule (and heartbeat); includes the home region.
    public IReadOnlyList<string> MemberRegions { get; init; } = [];

    public string CallAs { get; init; } = CallAsSelf;

    // Only for OrganizationManagement: where the central bus lives.
    public string? CentralAccountId { get; init; }

    public int QuietHours { get; init; } = DefaultQuietHours;

    public bool IsHub => Mode is DeploymentMode.SingleAccount or DeploymentMode.OrganizationCentral;
}
