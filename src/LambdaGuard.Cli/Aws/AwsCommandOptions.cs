using System.CommandLine;

namespace LambdaGuard.Cli.Aws;

/// <summary>The one set of AWS options every command that calls AWS takes: <c>--profile</c>, <c>--region</c>,
/// <c>--endpoint-url</c> for every service, and <c>--SERVICE-endpoint-url</c> for each service the command
/// calls (a per-service endpoint wins over <c>--endpoint-url</c>). Read it with <see cref="Read"/> and hand the
/// result to <see cref="AwsClientFactory.Create"/>.</summary>
public sealed class AwsCommandOptions
{
    private readonly Dictionary<AwsService, Option<string?>> serviceEndpoints = [];

    /// <param name="services">The services the command calls.</param>
    /// <param name="regionDescription">What --region means for this command (default: where the region comes from).</param>
    public AwsCommandOptions(AwsService services, string? regionDescription = null)
    {
        Region = new("--region") { Description = regionDescription ?? "AWS region (default: AWS_REGION, else the profile's region)" };
        foreach (var (service, flag, name) in Services)
        {
            if (services.HasFlag(service))
            {
                serviceEndpoints[service] = new Option<string?>(flag) { Description = $"{name} endpoint; wins over --endpoint-url" };
            }
        }
    }

    public Option<string?> Profile { get; } = new("--profile") { Description = "AWS profile (SSO profiles too; run 'aws sso login' first)" };

    public Option<string?> Region { get; }

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "Endpoint for every AWS service the command calls (an emulator, LocalStack, a VPC endpoint)" };

    private static (AwsService Service, string Flag, string Name)[] Services =>
    [
        (AwsService.DynamoDb, "--dynamodb-endpoint-url", "DynamoDB"),
        (AwsService.Sns, "--sns-endpoint-url", "SNS"),
        (AwsService.Ssm, "--ssm-endpoint-url", "SSM"),
        (AwsService.Sts, "--sts-endpoint-url", "STS"),
        (AwsService.S3, "--s3-endpoint-url", "S3"),
    ];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Profile);
        command.Options.Add(Region);
        command.Options.Add(EndpointUrl);
        foreach (var option in serviceEndpoints.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="AwsSetupException">An endpoint is not an absolute http(s) URL (a usage error).</exception>
    public AwsConnectionOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new AwsConnectionOptions(
            Profile: parse.GetValue(Profile),
            Region: parse.GetValue(Region),
            EndpointUrl: Url(EndpointUrl, parse),
            SsmEndpointUrl: ServiceUrl(AwsService.Ssm, parse),
            StsEndpointUrl: ServiceUrl(AwsService.Sts, parse),
            DynamoDbEndpointUrl: ServiceUrl(AwsService.DynamoDb, parse),
            SnsEndpointUrl: ServiceUrl(AwsService.Sns, parse),
            S3EndpointUrl: ServiceUrl(AwsService.S3, parse));
    }

    private Uri? ServiceUrl(AwsService service, ParseResult parse) =>
        serviceEndpoints.TryGetValue(service, out var option) ? Url(option, parse) : null;

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
}
