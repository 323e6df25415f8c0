using System.CommandLine;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>Where the table is and how to reach it; shared by every <c>suppressions</c> subcommand.</summary>
public sealed class SuppressionCommonOptions
{
    public Option<string?> Table { get; } = new("--table") { Description = $"Suppressions table name (default: the SSM parameter {SuppressionTableLocator.ParameterName})" };

    public Option<string?> Profile { get; } = new("--profile") { Description = "AWS profile (SSO profiles too; run 'aws sso login' first)" };

    public Option<string?> Region { get; } = new("--region") { Description = "AWS region of the table (default: AWS_REGION or the profile's region)" };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "DynamoDB endpoint, e.g. dynalite or LocalStack; also used for SSM and STS unless given below" };

    public Option<string?> SsmEndpointUrl { get; } = new("--ssm-endpoint-url") { Description = "SSM endpoint override" };

    public Option<string?> StsEndpointUrl { get; } = new("--sts-endpoint-url") { Description = "STS endpoint override" };

    public Option<string> Format { get; } = CreateFormat();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Table);
        command.Options.Add(Profile);
        command.Options.Add(Region);
        command.Options.Add(EndpointUrl);
        command.Options.Add(SsmEndpointUrl);
        command.Options.Add(StsEndpointUrl);
        command.Options.Add(Format);
    }

    public AwsConnectionOptions ReadConnection(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new AwsConnectionOptions(
            parse.GetValue(Profile),
            parse.GetValue(Region),
            Url(EndpointUrl, parse),
            Url(SsmEndpointUrl, parse),
            Url(StsEndpointUrl, parse));
    }

    public bool ReadJson(ParseResult parse) => parse?.GetValue(Format) == "json";

    /// <exception cref="AwsSetupException">Not an absolute http(s) URL.</exception>
    private static Uri? Url(Option<string?> option, ParseResult parse)
    {
        var text = parse.GetValue(option);
        if (text is null)
        {
            return null;
        }

        return HttpEndpoint.TryParse(text, out var url)
            ? url
            : throw new AwsSetupException($"{option.Name}: '{text}' is not an absolute http(s) URL; fix: give e.g. http://127.0.0.1:8000");
    }

    private static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format") { Description = "table (default, for people) or json (one JSON document, for scripts)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return format;
    }
}
