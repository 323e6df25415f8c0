using LambdaGuard.Cli.Tests.Replay;

namespace LambdaGuard.Cli.Tests.Commands;

/// <summary>Every command taking the detector options refuses a glob that can never match, as a usage error
/// that shows the fix, before touching any input or AWS.</summary>
public sealed class DetectorOptionValidationTests
{
    [Theory]
    [InlineData("scan", "events.json")]
    [InlineData("replay", "events.json", "--table", "t", "--topic-arn", "arn:aws:sns:us-east-1:111122223333:alerts")]
    [InlineData("suppressions", "explain", "events.json", "--table", "t")]
    public async Task Command_WhenAHumanRoleIsABareName_ShouldExitWithTheUsageCodeAndShowTheFix(params string[] command)
    {
        // Act
        var run = await CliRun.RunAsync([.. command, "--human-role", "Admin"]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--human-role: 'Admin' is not a role ARN glob", run.Error, StringComparison.Ordinal);
        Assert.Contains("use e.g. arn:aws:iam::*:role/Admin", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("--trusted-account", "12345", "is not a 12-digit account id")]
    [InlineData("--own-function", "arn:aws:lambda:us-east-1:*:function", "is neither a function name glob")]
    [InlineData("--trusted-org", "org-1", "is not an organization id")]
    public async Task Scan_WhenAGlobOptionCanNeverMatch_ShouldExitWithTheUsageCode(string option, string value, string problem)
    {
        // Act
        var run = await CliRun.RunAsync("scan", "events.json", option, value);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains($"{option}: '{value}' {problem}", run.Error, StringComparison.Ordinal);
    }
}
