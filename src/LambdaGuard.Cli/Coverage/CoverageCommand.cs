using System.CommandLine;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Coverage;

/// <summary><c>lambdaguard coverage</c>: every account and region that forwards to the hub, with its last
/// heartbeat (docs/organization.md).</summary>
public static class CoverageCommand
{
    public const int DefaultQuietHours = 4;

    public static Command Create(CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var table = new Option<string?>("--table") { Description = $"Alert-claims table holding the signals (default: the SSM parameter {TableLocator.Claims.ParameterName})" };
        var aws = new AwsCommandOptions(AwsService.DynamoDb | AwsService.Ssm, "Home region of the LambdaGuard hub (default: AWS_REGION, else the profile's region)");
        var quietHours = new Option<int>("--quiet-hours") { Description = "Mark spokes silent longer than this as quiet (the deployed default)", DefaultValueFactory = _ => DefaultQuietHours };
        var format = new Option<string>("--format") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("coverage", "List each account and region forwarding to LambdaGuard with its last heartbeat; quiet ones first.");
        command.Options.Add(table);
        aws.AddTo(command);
        command.Options.Add(quietHours);
        command.Options.Add(format);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var hours = parse.GetValue(quietHours);
            if (hours is < 1 or > 168)
            {
                await io.Error.WriteLineAsync($"lambdaguard coverage: --quiet-hours: {hours} is out of range (1 to 168)").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            try
            {
                var factory = AwsClientFactory.Create(aws.Read(parse));
                var tableName = await TableLocator.Claims.ResolveAsync(parse.GetValue(table), factory, cancellationToken).ConfigureAwait(false);
                using var dynamoDb = factory.CreateDynamoDb();
                var signals = await new DynamoDbSpokeSignals(dynamoDb, tableName).ListAsync(cancellationToken).ConfigureAwait(false);
                var now = io.Clock.GetUtcNow();
                var window = TimeSpan.FromHours(hours);
                var ordered = CoverageListing.Order(signals, now, window);
                if (parse.GetValue(format) == "json")
                {
                    CoverageListing.WriteJson(io.Out, ordered, now, window);
                }
                else
                {
                    CoverageListing.WriteTable(io.Out, ordered, now, window);
                }

                return ExitCodes.Success;
            }
            catch (AwsSetupException e)
            {
                await io.Error.WriteLineAsync($"lambdaguard coverage: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }
            catch (Amazon.Runtime.AmazonServiceException e)
            {
                await io.Error.WriteLineAsync($"lambdaguard coverage: {e.ErrorCode ?? "AWS error"}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.AwsError;
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or HttpRequestException)
            {
                await io.Error.WriteLineAsync($"lambdaguard coverage: cannot reach AWS: {e.Message}").ConfigureAwait(false);
                return ExitCodes.AwsError;
            }
        });
        return command;
    }
}
