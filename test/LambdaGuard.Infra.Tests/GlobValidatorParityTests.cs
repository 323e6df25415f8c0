using LambdaGuard.Core.Detection;
using LambdaGuard.Infra.Configuration;

namespace LambdaGuard.Infra.Tests;

/// <summary>Synth (infra) and the function/CLI (Core) judge glob settings alike: a value one accepts and the other
/// refuses would deploy a setting the function then refuses at start, or be refused at synth but taken by replay.</summary>
public sealed class GlobValidatorParityTests
{
    private const string Detector = "LambdaGuard-Detector";

    [Theory]
    [InlineData("arn:aws:iam::*:role/Admin*", true)]
    [InlineData("arn:aws:iam::123456789012:role/BreakGlass", true)]
    [InlineData("arn:aws:iam::1234*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_*", true)]
    [InlineData("arn:aws-cn:iam::*:role/Ops?", true)]
    [InlineData("Admin", false)]
    [InlineData("role/Admin", false)]
    [InlineData("*:role/Admin", false)]
    [InlineData("arn:aws:iam::12345:role/Admin", false)]
    [InlineData("arn:aws:iam::*:user/alice", false)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Admin/alice", false)]
    public void HumanRole_WhenJudgedBySynthAndByCore_ShouldGetTheSameAnswer(string glob, bool valid)
    {
        Assert.Equal(valid, GlobSettingValidator.HumanRoleProblem("humanRoles", glob) is null);
        Assert.Equal(valid, DetectorSettingsValidator.HumanRoleProblem("--human-role", glob) is null);
    }

    [Theory]
    [InlineData("111122223333", true)]
    [InlineData("4444*", true)]
    [InlineData("0123456789??", true)]
    [InlineData("12345", false)]
    [InlineData("1111222233334", false)]
    [InlineData("acct-1", false)]
    [InlineData("arn:aws:iam::111122223333:root", false)]
    [InlineData("*", false)]
    [InlineData("?*", false)]
    [InlineData("????????????", false)]
    [InlineData("*1", false)]
    public void TrustedAccount_WhenJudgedBySynthAndByCore_ShouldGetTheSameAnswer(string glob, bool valid)
    {
        Assert.Equal(valid, GlobSettingValidator.TrustedAccountProblem("trustedAccounts", glob) is null);
        Assert.Equal(valid, DetectorSettingsValidator.TrustedAccountProblem("--trusted-account", glob) is null);
    }

    [Theory]
    [InlineData("*LambdaGuard*", true)]
    [InlineData("LambdaGuard-*", true)]
    [InlineData("arn:aws:lambda:*:*:function:LambdaGuard-*", true)]
    [InlineData("secguard-*", false)]
    [InlineData("arn:aws:lambda:us-east-1:*:function", false)]
    [InlineData("Lambda Guard", false)]
    public void OwnFunction_WhenJudgedBySynthAndByCore_ShouldGetTheSameAnswer(string glob, bool valid)
    {
        Assert.Equal(valid, GlobSettingValidator.OwnFunctionProblem("ownFunction", glob, Detector) is null);
        Assert.Equal(valid, DetectorSettingsValidator.OwnFunctionProblem("--own-function", glob, Detector) is null);
    }
}
