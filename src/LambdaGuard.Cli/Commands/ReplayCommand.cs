using System.CommandLine;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Replay;

namespace LambdaGuard.Cli.Commands;

/// <summary><c>lambdaguard replay</c> exactly as interfaces.md gives it: the function's processing in-process.</summary>
public static class ReplayCommand
{
    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Event files or folders (every scan input, plus DLQ and on-failure destination records)", Arity = ArgumentArity.OneOrMore };
        var table = new Option<string>("--table") { Description = "Suppressions table name", Required = true };
        var claimsTable = new Option<string>("--claims-table") { Description = "Alert-claims table name", DefaultValueFactory = _ => LambdaGuardTables.AlertClaimsTableName };
        var topicArn = new Option<string>("--topic-arn") { Description = "SNS topic ARN to publish alerts to", Required = true };
        var region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION, else the topic's region)" };
        var createTable = new Option<bool>("--create-table") { Description = "Create the suppressions and claims tables if missing (local rehearsal)" };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "Endpoint for both DynamoDB and SNS (an emulator)" };
        var dynamoDbEndpoint = new Option<string?>("--dynamodb-endpoint-url") { Description = "DynamoDB endpoint" };
        var snsEndpoint = new Option<string?>("--sns-endpoint-url") { Description = "SNS endpoint" };
        var format = new Option<string>("--format") { Description = "table (default) or jsonl", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var detector = new DetectorOptions();

        var command = new Command("replay", "Run the detector function's processing over event files against a table and topic.");
        command.Arguments.Add(paths);
        command.Options.Add(table);
        command.Options.Add(claimsTable);
        command.Options.Add(topicArn);
        command.Options.Add(region);
        command.Options.Add(createTable);
        command.Options.Add(endpoint);
        command.Options.Add(dynamoDbEndpoint);
        command.Options.Add(snsEndpoint);
        command.Options.Add(format);
        detector.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = AwsConnection.Parse(parse.GetValue(region), parse.GetValue(endpoint), parse.GetValue(dynamoDbEndpoint), parse.GetValue(snsEndpoint), out var error);
            if (connection is null)
            {
                await io.Error.WriteLineAsync($"lambdaguard replay: {error}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var request = new ReplayRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(table)!,
                parse.GetValue(claimsTable) ?? LambdaGuardTables.AlertClaimsTableName,
                parse.GetValue(topicArn)!,
                connection,
                parse.GetValue(createTable),
                parse.GetValue(format) == "jsonl",
                detector.Read(parse));
            return await ReplayRunner.RunAsync(request, io, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
