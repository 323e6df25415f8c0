namespace LambdaGuard.Cli.Aws;

/// <param name="Profile">A named profile from ~/.aws/config or ~/.aws/credentials (SSO profiles included);
/// null for the SDK's default chain (environment, AWS_PROFILE, default profile, container, instance).</param>
/// <param name="EndpointUrl">DynamoDB endpoint (dynalite, LocalStack); also SSM's and STS's unless those are given.</param>
public sealed record AwsConnectionOptions(
    string? Profile = null,
    string? Region = null,
    Uri? EndpointUrl = null,
    Uri? SsmEndpointUrl = null,
    Uri? StsEndpointUrl = null);
