using System.CommandLine;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Commands;

namespace LambdaGuard.Cli.Replay;

/// <summary><c>lambdaguard replay</c> (docs/interfaces.md): the function's processing in-process.</summary>
public static class ReplayCommand
{
    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Event files or folders (every scan input, plus DLQ and on-failure destination records)", Arity = ArgumentArity.OneOrMore };
        var table = new Option<string>("--table") { Description = "Suppressions table name", Required = true };
        var claimsTable = new Option<string>("--claims-table") { Description = "Alert-claims table name", DefaultValueFactory = _ => LambdaGuardTables.AlertClaimsTableName };
        var topicArn = new Option<string>("--topic-arn") { Description = "SNS topic ARN to publish alerts to", Required = true };
        var createTable = new Option<bool>("--create-table") { Description = "Create the suppressions and claims tables if missing (local rehearsal)" };
        var format = new Option<string>("--format") { Description = "table (default) or jsonl", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var aws = new AwsCommandOptions(AwsService.DynamoDb | AwsService.Sns, "AWS region of the tables (default: AWS_REGION, else the profile's, else the topic's region)");
        var detector = new DetectorOptions();

        var command = new Command("replay", "Run the detector function's processing over event files against a table and topic.");
        command.Arguments.Add(paths);
        command.Options.Add(table);
        command.Options.Add(claimsTable);
        command.Options.Add(topicArn);
        command.Options.Add(createTable);
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
