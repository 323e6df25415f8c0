using System.CommandLine;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.TestAlert;

/// <summary><c>lambdaguard test-alert</c>: publishes a clearly labelled test alert so a team can check its
/// subscriptions (email, chat, SIEM queue) end to end.</summary>
public static class TestAlertCommand
{
    public static Command Create(CliIo io)
    {
        var topicArn = new Option<string>("--topic-arn") { Description = "SNS topic ARN of LambdaGuard's alerts", Required = true };
        var aws = new AwsCommandOptions(AwsService.Sns, "AWS region (the topic ARN's region is used for signing)");

        var command = new Command("test-alert", "Publish a clearly labelled test alert to the topic and print its MessageId.");
        command.Options.Add(topicArn);
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var topic = parse.GetValue(topicArn)!;
            SnsAlertPublisher publisher;
            AwsConnectionOptions connection;
            try
            {
                connection = aws.Read(parse);
                publisher = AwsClientFactory.Create(connection, fallbackRegion: TopicRegion.Of(topic)).CreateAlertPublisher(topic);
            }
            catch (Exception ex) when (ex is ArgumentException or AwsSetupException)
            {
                await io.Error.WriteLineAsync($"lambdaguard test-alert: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var topicRegion = TopicRegion.Of(topic);
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
                return ExitCodes.AwsError;
            }
        });
        return command;
    }
}
