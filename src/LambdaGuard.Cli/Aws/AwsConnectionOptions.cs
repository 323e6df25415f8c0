namespace LambdaGuard.Cli.Aws;

/// <summary>How a command reaches AWS, as <see cref="AwsCommandOptions"/> reads it from the command line.</summary>
/// <param name="Profile">A named profile from ~/.aws/config or ~/.aws/credentials (SSO profiles included);
/// null for the SDK's default chain (environment, AWS_PROFILE, default profile, container, instance).</param>
/// <param name="EndpointUrl">Every service's endpoint (dynalite, fauxqs, LocalStack) unless the service has its own below.</param>
public sealed record AwsConnectionOptions(
    string? Profile = null,
    string? Region = null,
    Uri? EndpointUrl = null,
    Uri? SsmEndpointUrl = null,
    Uri? StsEndpointUrl = null,
    Uri? DynamoDbEndpointUrl = null,
    Uri? SnsEndpointUrl = null,
    Uri? S3EndpointUrl = null);
