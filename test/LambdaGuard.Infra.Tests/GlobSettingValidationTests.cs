using Amazon.CDK;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Infra.Tests.Support;

namespace LambdaGuard.Infra.Tests;

// In the synthesis collection: a second App synthesizing in parallel races jsii's asset extraction.
[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class GlobSettingValidationTests
{
    [Fact]
    public void Compose_WhenHumanRolesIsABareRoleName_ShouldFailSynthAndShowTheRoleArnGlob()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["regions"] = "us-east-1", ["humanRoles"] = "Admin" },
        });

        var error = Assert.Throws<InfraSettingsException>(() => LambdaGuardApp.Compose(app, FunctionSource.Locate()));

        Assert.Contains("'humanRoles': 'Admin' is not a role ARN glob", error.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::*:role/Admin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::*:role/Admin*")]
    [InlineData("arn:aws:iam::123456789012:role/BreakGlass")]
    [InlineData("arn:aws:iam::1234*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_*")]
    [InlineData("arn:aws-cn:iam::*:role/Ops?")]
    public void Read_WhenHumanRoleIsARoleArnGlob_ShouldAcceptIt(string glob)
    {
        var settings = Read(new() { ["humanRoles"] = glob });

        Assert.Equal([glob], settings.HumanRoles);
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("role/Admin")]
    [InlineData("arn:aws:iam::12345:role/Admin")]
    [InlineData("arn:aws:iam::*:user/alice")]
    public void Read_WhenHumanRoleCanNeverMatchARoleArn_ShouldNameTheKeyAndTheFix(string glob)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["humanRoles"] = glob }));

        Assert.Contains($"'humanRoles': '{glob}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::*:role/", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role/Admin")]
    [InlineData("arn:aws:iam::12345:role/Admin")]
    public void Read_WhenHumanRoleNamesARole_ShouldSuggestThatRolesArnGlob(string glob)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["humanRoles"] = glob }));

        Assert.Contains("use e.g. arn:aws:iam::*:role/Admin ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenHumanRoleIsASessionArn_ShouldSuggestTheRoleArn()
    {
        var error = Assert.Throws<InfraSettingsException>(() =>
            Read(new() { ["humanRoles"] = "arn:aws:sts::123456789012:assumed-role/Admin/alice" }));

        Assert.Contains("role session ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::*:role/Admin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("?????")]
    public void Read_WhenTrustedAccountIsNotATwelveDigitGlob_ShouldSayAccountIdsHaveTwelveDigits(string glob)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["trustedAccounts"] = glob }));

        Assert.Contains($"'trustedAccounts': '{glob}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenTrustedAccountsAreIdsOrGlobs_ShouldAcceptThem()
    {
        var settings = Read(new() { ["trustedAccounts"] = "017000801446,1111*,12345678901?,0*1" });

        Assert.Equal(["017000801446", "1111*", "12345678901?", "0*1"], settings.TrustedAccounts);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("?*")]
    [InlineData("*?")]
    [InlineData("*1")]
    [InlineData("????????????")]
    [InlineData("?11122223333")]
    public void Read_WhenTrustedAccountGlobMatchesEveryAccount_ShouldRefuseItAndShowTheFix(string glob)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["trustedAccounts"] = "111122223333," + glob }));

        Assert.Contains($"'trustedAccounts': '{glob}' would trust every account", error.Message, StringComparison.Ordinal);
        Assert.Contains("list the trusted account ids", error.Message, StringComparison.Ordinal);
        Assert.Contains("start with literal digits (e.g. 1111*)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*LambdaGuard*")]
    [InlineData("LambdaGuard-*")]
    [InlineData("arn:aws:lambda:*:*:function:LambdaGuard-*")]
    [InlineData("arn:aws:lambda:*:*:function:LambdaGuard-Detector:live")]
    public void Read_WhenOwnFunctionMatchesTheDetector_ShouldAcceptIt(string glob)
    {
        Assert.Equal(glob, Read(new() { ["ownFunction"] = glob }).OwnFunction);
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:*:function:LambdaGuard-*")]
    [InlineData("arn:aws:lambda:*:111122223333:function:LambdaGuard-*")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:*LambdaGuard*")]
    [InlineData("arn:aws:lambda:us-*:*:function:LambdaGuard-*")]
    public void Read_WhenOwnFunctionArnNamesARegionOrAccount_ShouldRefuseItAndShowTheWildcardArn(string glob)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["ownFunction"] = glob }));

        var name = glob.Split(':')[6];
        Assert.Contains($"'ownFunction': '{glob}' names a region or account", error.Message, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:lambda:*:*:function:{name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenOwnFunctionIsNotGiven_ShouldDefaultToEveryLambdaGuardFunction()
    {
        Assert.Equal("*LambdaGuard*", Read([]).OwnFunction);
    }

    [Theory]
    [InlineData("orders-*", "does not match the detector's own function LambdaGuard-Detector")]
    [InlineData("Lambda Guard", "neither a function name glob")]
    [InlineData("arn:aws:lambda:us-east-1:123:fn:x", "neither a function name glob")]
    public void Read_WhenOwnFunctionIsInvalidOrMissesTheDetector_ShouldNameTheProblem(string glob, string expected)
    {
        var error = Assert.Throws<InfraSettingsException>(() => Read(new() { ["ownFunction"] = glob }));

        Assert.Contains($"'ownFunction': '{glob}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static InfraSettings Read(Dictionary<string, object> context) =>
        InfraSettingsReader.Read(k => context.GetValueOrDefault(k), "us-east-1");
}
