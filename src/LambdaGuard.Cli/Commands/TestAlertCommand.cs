using System.CommandLine;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Cli.Replay;

namespace LambdaGuard.Cli.Commands;

/// <summary><c>lambdaguard test-alert</c>: publishes a clearly labelled test alert so a team can check its
/// subscriptions (email, chat, SIEM queue) end to end.</summary>
public static class TestAlertCommand
{
    public static Command Create(CliIo io)
    {
        var topicArn = new Option<string>("--topic-arn") { Description = "SNS topic ARN of LambdaGuard's alerts", Required = true };
        var region = new Option<string?>("--region") { Description = "AWS region (the topic ARN's region is used for signing)" };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "SNS endpoint (an emulator or VPC endpoint)" };

        var command = new Command("test-alert", "Publish a clearly labelled test alert to the topic and print its MessageId.");
        command.Options.Add(topicArn);
        command.Options.Add(region);
        command.Options.Add(endpoint);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = AwsConnection.Parse(parse.GetValue(region), null, null, parse.GetValue(endpoint), out var error);
            if (connection is null)
            {
                await io.Error.WriteLineAsync($"lambdaguard test-alert: {error?.Replace("--sns-endpoint-url", "--endpoint-url", StringComparison.Ordinal)}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var topic = parse.GetValue(topicArn)!;
            SnsAlertPublisher publisher;
            try
            {
                publisher = new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = topic, ServiceUrl = connection.SnsEndpoint });
            }
            catch (ArgumentException ex)
            {
                await io.Error.WriteLineAsync($"lambdaguard test-alert: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var topicRegion = topic.Split(':')[3];
            if (connection.Region is { } asked && !string.Equals(asked, topicRegion, StringComparison.Ordinal))
            {
                await io.Error.WriteLineAsync($"lambdaguard test-alert: warning: --region {asked} differs from the topic's region {topicRegion}; the topic's region is used").ConfigureAwait(false);
            }

            var message = TestAlertMessage.Create(topic, io.Clock.GetUtcNow(), $"test-{Guid.NewGuid():N}");
            try
            {
                var messageId = await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                await io.Out.WriteLineAsync(messageId).ConfigureAwait(false);
                await io.Error.WriteLineAsync($"published test alert {message.AlertId} to {topic}: \"{message.Subject}\"").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (SnsPublishException ex)
            {
                await io.Error.WriteLineAsync($"lambdaguard test-alert: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }
}
