using System.CommandLine;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>Where the table is and how to reach it; shared by every <c>suppressions</c> subcommand. The AWS
/// options are the CLI's one set (<see cref="AwsCommandOptions"/>): DynamoDB for the table, SSM for its name,
/// STS for <c>createdBy</c>.</summary>
public sealed class SuppressionCommonOptions
{
    private readonly AwsCommandOptions aws = new(AwsService.DynamoDb | AwsService.Ssm | AwsService.Sts, "AWS region of the table (default: AWS_REGION, else the profile's region)");

    public Option<string?> Table { get; } = new("--table") { Description = $"Suppressions table name (default: the SSM parameter {TableLocator.Suppressions.ParameterName})" };

    public Option<string> Format { get; } = CreateFormat();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Table);
        aws.AddTo(command);
        command.Options.Add(Format);
    }

    /// <exception cref="AwsSetupException">An endpoint is not an absolute http(s) URL (a usage error).</exception>
    public AwsConnectionOptions ReadConnection(ParseResult parse) => aws.Read(parse);

    public bool ReadJson(ParseResult parse) => parse?.GetValue(Format) == "json";

    private static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format") { Description = "table (default, for people) or json (one JSON document, for scripts)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return format;
    }
}
