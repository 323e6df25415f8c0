using System.CommandLine;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Replay;

/// <summary><c>lambdaguard replay</c> (docs/interfaces.md): the function's processing in-process.</summary>
public static class ReplayCommand
{
    // Reading one SSM parameter: a person is waiting, and an endpoint that never answers must not hang replay.
    private static readonly TimeSpan SettingsBudget = TimeSpan.FromSeconds(10);

    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Event files or folders (every scan input, failure-queue dumps, on-failure records, audit-failure objects), or s3://bucket/key", Arity = ArgumentArity.OneOrMore };
        var table = new Option<string>("--table") { Description = "Suppressions table name", Required = true };
        var claimsTable = new Option<string>("--claims-table") { Description = "Alert-claims table name", DefaultValueFactory = _ => LambdaGuardTables.AlertClaimsTableName };
        var topicArn = new Option<string>("--topic-arn") { Description = "SNS topic ARN to publish alerts to", Required = true };
        var tamperTopicArn = new Option<string?>("--tamper-topic-arn") { Description = "Topic to republish tamper events to (default: the TARGET_ARN their rule-DLQ message names, else --topic-arn, which the regional tamper rules target)" };
        var createTable = new Option<bool>("--create-table") { Description = "Create the suppressions and claims tables if missing (local rehearsal)" };
        var noDeployedSettings = new Option<bool>("--no-deployed-settings") { Description = $"Judge with the command-line detector options only, not the deployed ones from SSM {DeployedDetectorSettings.ParameterName}" };
        var callBudget = new Option<double>("--call-budget-seconds") { Description = "Budget of each suppression lookup and claim before the alert goes out without it (fail open)", DefaultValueFactory = _ => ReplayRunner.DefaultCallBudget.TotalSeconds };
        callBudget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var seconds && (double.IsNaN(seconds) || seconds < 0.1 || seconds > 60))
            {
                result.AddError($"--call-budget-seconds {seconds}: give a number of seconds from 0.1 to 60, e.g. 2");
            }
        });
        var format = new Option<string>("--format") { Description = "table (default) or jsonl", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var aws = new AwsCommandOptions(AwsService.DynamoDb | AwsService.Sns | AwsService.Ssm | AwsService.S3, "AWS region of the tables (default: AWS_REGION, else the profile's, else the topic's region)");
        var detector = new DetectorOptions();

        var command = new Command("replay", "Run the detector function's processing over event files and failure-queue messages against a table and topic.");
        command.Arguments.Add(paths);
        command.Options.Add(table);
        command.Options.Add(claimsTable);
        command.Options.Add(topicArn);
        command.Options.Add(tamperTopicArn);
        command.Options.Add(createTable);
        command.Options.Add(noDeployedSettings);
        command.Options.Add(callBudget);
        command.Options.Add(format);
        aws.AddTo(command);
        detector.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            AwsConnectionOptions connection;
            try
            {
                connection = aws.Read(parse);
            }
            catch (AwsSetupException ex)
            {
                await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var topic = parse.GetValue(topicArn)!;
            DetectorSettings settings;
            if (parse.GetValue(noDeployedSettings))
            {
                settings = detector.Read(parse);
            }
            else
            {
                var (deployed, failure) = await ReadDeployedAsync(connection, topic, io, cancellationToken).ConfigureAwait(false);
                if (deployed is null)
                {
                    return failure;
                }

                settings = detector.ReadOver(parse, deployed);
            }

            var request = new ReplayRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(table)!,
                parse.GetValue(claimsTable) ?? LambdaGuardTables.AlertClaimsTableName,
                topic,
                connection,
                parse.GetValue(createTable),
                parse.GetValue(format) == "jsonl",
                settings,
                parse.GetValue(tamperTopicArn),
                TimeSpan.FromSeconds(parse.GetValue(callBudget)));
            return await ReplayRunner.RunAsync(request, io, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<(DetectorSettings? Settings, int ExitCode)> ReadDeployedAsync(AwsConnectionOptions connection, string topicArn, CliIo io, CancellationToken cancellationToken)
    {
        const string Hint = "pass --no-deployed-settings to judge with the command-line options only";
        try
        {
            var factory = AwsClientFactory.Create(connection, fallbackRegion: TopicRegion.Of(topicArn));
            using var ssm = factory.CreateSsm();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(SettingsBudget);
            var settings = await DeployedDetectorSettings.ReadAsync(ssm, limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"lambdaguard replay: judging with the deployed detector settings ({DeployedDetectorSettings.ParameterName}); command-line options override them").ConfigureAwait(false);
            return (settings, ExitCodes.Success);
        }
        catch (Exception ex) when (ex is DeployedSettingsException or AwsSetupException or ArgumentException)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return (null, ExitCodes.UsageOrInputError);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = ex is OperationCanceledException ? $"no answer within {SettingsBudget.TotalSeconds:0} s" : ex.Message;
            await io.Error.WriteLineAsync($"lambdaguard replay: cannot read the deployed detector settings {DeployedDetectorSettings.ParameterName} ({why}); {Hint}").ConfigureAwait(false);
            return (null, ExitCodes.AwsError);
        }
    }
}
