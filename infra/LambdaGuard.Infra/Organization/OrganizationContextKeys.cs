namespace LambdaGuard.Infra.Organization;

public static class OrganizationContextKeys
{
    public const string OrganizationId = "organizationId";
    public const string HomeRegion = "homeRegion";
    public const string MemberOrganizationalUnits = "memberOrganizationalUnits";
    public const string MemberRegions = "memberRegions";
    public const string CallAs = "callAs";
    public const string DeployTo = "deployTo";
    public const string CentralAccountId = "centralAccountId";
    public const string QuietHours = "quietHours";
}
