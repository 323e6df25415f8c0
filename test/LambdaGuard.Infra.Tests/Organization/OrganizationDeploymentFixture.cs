using LambdaGuard.Infra.Tests.Support;

namespace LambdaGuard.Infra.Tests.Organization;

/// <summary>The acceptance command: organization mode with one OU, every other value at its default.</summary>
public sealed class OrganizationDeploymentFixture
{
    public const string OrganizationId = "o-exampleorgid";
    public const string HomeRegion = "us-east-1";
    public const string Unit = "ou-ab12-cdefgh34";

    public SynthesizedDeployment Deployment { get; } = new(new Dictionary<string, object>
    {
        ["organizationId"] = OrganizationId,
        ["homeRegion"] = HomeRegion,
        ["memberOrganizationalUnits"] = Unit,
    });
}
