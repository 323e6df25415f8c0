using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Organization;

namespace LambdaGuard.Infra.Tests.Organization;

public sealed class OrganizationSettingsReaderTests
{
    private static readonly InfraSettings Infra = new() { Regions = ["eu-west-1"] };

    [Fact]
    public void Read_WhenNoOrganizationValueGiven_ShouldKeepThePerRegionLayout()
    {
        var settings = OrganizationSettingsReader.Read(_ => null, Infra);

        Assert.Equal(DeploymentMode.PerRegion, settings.Mode);
        Assert.False(settings.IsHub);
    }

    [Fact]
    public void Read_WhenOrganizationIdGiven_ShouldDefaultTheHomeRegionToTheFirstRegionAndWatchEveryDefaultRegion()
    {
        var settings = OrganizationSettingsReader.Read(
            Context(("organizationId", "o-exampleorgid"), ("memberOrganizationalUnits", "ou-ab12-cdefgh34, ou-ab12-ijklmn56")),
            Infra);

        Assert.Equal(DeploymentMode.OrganizationCentral, settings.Mode);
        Assert.Equal("eu-west-1", settings.HomeRegion);
        Assert.Equal("eu-west-1", settings.MemberRegions[0]);
        Assert.Equal(17, settings.MemberRegions.Count);
        Assert.Equal(["ou-ab12-cdefgh34", "ou-ab12-ijklmn56"], settings.MemberOrganizationalUnits);
        Assert.Equal("SELF", settings.CallAs);
        Assert.Equal(4, settings.QuietHours);
    }

    [Fact]
    public void Read_WhenOrganizationModeLacksUnits_ShouldNameTheRequiredValue()
    {
        var error = Assert.Throws<InfraSettingsException>(() =>
            OrganizationSettingsReader.Read(Context(("organizationId", "o-exampleorgid")), Infra));

        Assert.Contains("'memberOrganizationalUnits': required in organization mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenValuesAreWrong_ShouldReportEveryProblemAtOnce()
    {
        var error = Assert.Throws<InfraSettingsException>(() => OrganizationSettingsReader.Read(
            Context(
                ("organizationId", "exampleorg"),
                ("memberOrganizationalUnits", "sales"),
                ("memberRegions", "mars-1"),
                ("callAs", "ADMIN"),
                ("quietHours", "0")),
            Infra));

        Assert.Contains("'organizationId': 'exampleorg'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'memberOrganizationalUnits': 'sales'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'memberRegions': 'mars-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'callAs': 'ADMIN'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quietHours': 0 is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenOnlyAHomeRegionGiven_ShouldChooseSingleAccountModeWithTheHomeRegionFirst()
    {
        var settings = OrganizationSettingsReader.Read(
            Context(("homeRegion", "us-west-2"), ("memberRegions", "us-east-1,us-west-2,us-east-1"), ("callAs", "DELEGATED_ADMIN")),
            Infra);

        Assert.Equal(DeploymentMode.SingleAccount, settings.Mode);
        Assert.Equal(["us-west-2", "us-east-1"], settings.MemberRegions);
        Assert.Equal("DELEGATED_ADMIN", settings.CallAs);
    }

    private static Func<string, object?> Context(params (string Key, object Value)[] values)
    {
        var map = values.ToDictionary(v => v.Key, v => v.Value);
        return key => map.GetValueOrDefault(key);
    }
}
