namespace LambdaGuard.Cli.Tests.Replay;

public sealed class ReplayCommandTests
{
    [Fact]
    public async Task Replay_WhenSharedAndSpecificEndpointsGiven_ShouldRejectTheCombination()
    {
        // Arrange
        string[] args =
        [
            "replay", "events.json", "--table", "t", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:alerts",
            "--endpoint-url", "http://127.0.0.1:1", "--sns-endpoint-url", "http://127.0.0.1:2",
        ];

        // Act
        var run = await CliRun.RunAsync(args);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("either --endpoint-url or --dynamodb-endpoint-url/--sns-endpoint-url", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenTopicArnIsNotAnArn_ShouldSaySo()
    {
        // Act
        var run = await CliRun.RunAsync("replay", "events.json", "--table", "t", "--topic-arn", "alerts", "--endpoint-url", "http://127.0.0.1:1");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("not an SNS topic ARN", run.Error, StringComparison.Ordinal);
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
}
