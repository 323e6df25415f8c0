using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;

namespace LambdaGuard.Cli.Aws;

/// <summary>Builds the CLI's AWS clients from <c>--profile</c>, <c>--region</c> and the endpoint overrides.
/// Credentials always come from the SDK itself (a named profile, including SSO profiles, or the default
/// chain), so the CLI never handles secrets.</summary>
public sealed class AwsClientFactory
{
    private readonly AwsConnectionOptions options;

    private AwsClientFactory(AwsConnectionOptions options, string? region)
    {
        this.options = options;
        Region = region;
    }

    /// <summary>The region the clients talk to; null only when every client has an explicit endpoint and
    /// no region is configured anywhere.</summary>
    public string? Region { get; }

    public string? Profile => options.Profile;

    /// <exception cref="AwsSetupException">The profile does not exist.</exception>
    public static AwsClientFactory Create(AwsConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? profileRegion = null;
        if (options.Profile is { } profileName)
        {
            if (!new CredentialProfileStoreChain().TryGetProfile(profileName, out var profile))
            {
                throw new AwsSetupException(
                    $"--profile: no profile named '{profileName}' in ~/.aws/config or ~/.aws/credentials (check the name with 'aws configure list-profiles')");
            }

            profileRegion = profile.Region?.SystemName;
        }

        var region = options.Region ?? profileRegion ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        return new AwsClientFactory(options, region);
    }

    public IAmazonDynamoDB CreateDynamoDb() =>
        new AmazonDynamoDBClient(Configure(new AmazonDynamoDBConfig(), options.EndpointUrl, "DynamoDB"));

    public IAmazonSimpleSystemsManagement CreateSsm() =>
        new AmazonSimpleSystemsManagementClient(Configure(new AmazonSimpleSystemsManagementConfig(), options.SsmEndpointUrl ?? options.EndpointUrl, "SSM"));

    public IAmazonSecurityTokenService CreateSts() =>
        new AmazonSecurityTokenServiceClient(Configure(new AmazonSecurityTokenServiceConfig(), options.StsEndpointUrl ?? options.EndpointUrl, "STS"));

    /// <summary>S3 at <see cref="AwsConnectionOptions.EndpointUrl"/> when given, with path-style addressing
    /// there (emulators and custom endpoints do not resolve bucket subdomains).</summary>
    public IAmazonS3 CreateS3() =>
        new AmazonS3Client(Configure(new AmazonS3Config { ForcePathStyle = options.EndpointUrl is not null }, options.EndpointUrl, "S3"));

    private T Configure<T>(T config, Uri? endpoint, string service)
        where T : ClientConfig
    {
        if (options.Profile is { } profile)
        {
            // The SDK resolves every profile kind from here, SSO included (AWSSDK.SSO/SSOOIDC are referenced for that).
            config.Profile = new Profile(profile);
        }

        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = Region ?? "us-east-1";
            return config;
        }

        if (Region is null)
        {
            throw new AwsSetupException(
                $"--region: no AWS region for {service}; pass --region, set AWS_REGION, or set a region in the profile");
        }

        config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        return config;
    }
}
