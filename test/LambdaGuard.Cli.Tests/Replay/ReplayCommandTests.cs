using LambdaGuard.Testing;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Cli.Tests.Replay;

public sealed class ReplayCommandTests
{
    private const string Topic = "arn:aws:sns:us-east-1:000000000000:alerts";

    private static readonly string EventBridgeAddPermission = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "samples", "eventbridge-add-permission.json");

    [Fact]
    public async Task Replay_WhenTopicArnIsNotAnArn_ShouldSaySo()
    {
        // Act
        var run = await CliRun.RunAsync("replay", "--no-deployed-settings", "events.json", "--table", "t", "--topic-arn", "alerts", "--endpoint-url", "http://127.0.0.1:1");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("not an SNS topic ARN", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenEndpointIsNotAUrl_ShouldBeAUsageErrorNamingTheOption()
    {
        // Act
        var run = await CliRun.RunAsync("replay", "--no-deployed-settings", "events.json", "--table", "t", "--topic-arn", Topic, "--sns-endpoint-url", "localhost:4566");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--sns-endpoint-url: 'localhost:4566' is not an absolute http(s) URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenProfileDoesNotExist_ShouldSayWhichProfileIsMissing()
    {
        // Act
        var run = await CliRun.RunAsync("replay", "--no-deployed-settings", EventBridgeAddPermission, "--table", "t", "--topic-arn", Topic, "--profile", "lambdaguard-no-such-profile");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("no profile named 'lambdaguard-no-such-profile'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenCreatingTablesOnAnUnreachableEndpoint_ShouldExitWithTheAwsCode()
    {
        // Arrange
        var closed = ClosedLoopbackPort.Url().ToString();

        // Act
        var run = await CliRun.RunAsync("replay", "--no-deployed-settings", EventBridgeAddPermission, "--table", "t", "--topic-arn", Topic, "--create-table", "--endpoint-url", closed);

        // Assert
        Assert.Equal(ExitCodes.AwsError, run.ExitCode);
        Assert.Contains("cannot create the tables", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Replay_WhenTheTopicIsUnreachable_ShouldReportTheRecordAndExitWithTheAwsCode()
    {
        // Arrange
        var closed = ClosedLoopbackPort.Url().ToString();

        // Act
        var run = await CliRun.RunAsync("replay", "--no-deployed-settings", EventBridgeAddPermission, "--table", "t", "--topic-arn", Topic, "--endpoint-url", closed);

        // Assert
        Assert.Equal(ExitCodes.AwsError, run.ExitCode);
        Assert.StartsWith("FAILED", Assert.Single(run.OutLines, l => l.Contains("LG004", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAlert_WhenTopicArnMissing_ShouldBeAUsageError()
    {
        // Act
        var run = await CliRun.RunAsync("test-alert");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--topic-arn", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAlert_WhenProfileDoesNotExist_ShouldSayWhichProfileIsMissing()
    {
        // Act
        var run = await CliRun.RunAsync("test-alert", "--topic-arn", Topic, "--profile", "lambdaguard-no-such-profile");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("no profile named 'lambdaguard-no-such-profile'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAlert_WhenTheTopicIsUnreachable_ShouldExitWithTheAwsCode()
    {
        // Arrange
        var closed = ClosedLoopbackPort.Url().ToString();

        // Act
        var run = await CliRun.RunAsync("test-alert", "--topic-arn", Topic, "--endpoint-url", closed);

        // Assert
        Assert.Equal(ExitCodes.AwsError, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("lambdaguard test-alert:", run.Error, StringComparison.Ordinal);
    }
}
