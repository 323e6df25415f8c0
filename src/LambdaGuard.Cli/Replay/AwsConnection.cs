using Amazon;
using Amazon.DynamoDBv2;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Replay;

/// <summary>Where replay and test-alert talk to: a region, or emulator/VPC endpoints. Credentials always come
/// from the SDK's default chain (environment, profile, SSO, container, instance).</summary>
public sealed record AwsConnection(string? Region, Uri? DynamoDbEndpoint, Uri? SnsEndpoint)
{
    /// <summary>--region, else AWS_REGION / AWS_DEFAULT_REGION, else the topic's region.</summary>
    public string ResolveRegion(string topicArn)
    {
        if (!string.IsNullOrWhiteSpace(Region))
        {
            return Region;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var parts = topicArn.Split(':');
        return parts.Length == 6 && parts[3].Length > 0 ? parts[3] : "us-east-1";
    }

    public AmazonDynamoDBClient CreateDynamoDbClient(string region)
    {
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = 2, Timeout = TimeSpan.FromSeconds(10) };
        if (DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonDynamoDBClient(config);
    }

    /// <summary>Parses the endpoint options: --endpoint-url sets both, the specific ones set one each.</summary>
    /// <returns>Null and an error message when the combination or a URL is invalid.</returns>
    public static AwsConnection? Parse(string? region, string? endpoint, string? dynamoDbEndpoint, string? snsEndpoint, out string? error)
    {
        error = null;
        if (endpoint is not null && (dynamoDbEndpoint is not null || snsEndpoint is not null))
        {
            error = "use either --endpoint-url or --dynamodb-endpoint-url/--sns-endpoint-url, not both";
            return null;
        }

        Uri? Url(string? text, string option, ref string? problem)
        {
            if (text is null)
            {
                return null;
            }

            if (HttpEndpoint.TryParse(text, out var url))
            {
                return url;
            }

            problem ??= $"{option} '{text}' is not an http(s) URL";
            return null;
        }

        var shared = Url(endpoint, "--endpoint-url", ref error);
        var dynamoDb = Url(dynamoDbEndpoint, "--dynamodb-endpoint-url", ref error) ?? shared;
        var sns = Url(snsEndpoint, "--sns-endpoint-url", ref error) ?? shared;
        return error is null ? new AwsConnection(region, dynamoDb, sns) : null;
    }
}
