using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;
using LambdaGuard.Aws.Sns;

namespace LambdaGuard.Cli.Aws;

/// <summary>Builds the CLI's AWS clients from <c>--profile</c>, <c>--region</c> and the endpoint overrides.
/// Credentials always come from the SDK itself (a named profile, including SSO profiles, or the default
/// chain), so the CLI never handles secrets.</summary>
public sealed class AwsClientFactory
{
    private readonly AwsConnectionOptions options;
    private readonly string? profilesLocation;

    private AwsClientFactory(AwsConnectionOptions options, string? region, string? profilesLocation)
    {
        this.options = options;
        this.profilesLocation = profilesLocation;
        Region = region;
    }

    /// <summary>The region the clients talk to; null only when every client has an explicit endpoint and
    /// no region is configured anywhere.</summary>
    public string? Region { get; }

    public string? Profile => options.Profile;

    /// <param name="fallbackRegion">Used when neither the options, the environment nor the profile name a
    /// region (replay and test-alert pass the topic's region).</param>
    /// <exception cref="AwsSetupException">The profile does not exist.</exception>
    public static AwsClientFactory Create(AwsConnectionOptions options, string? fallbackRegion = null) =>
        Create(options, fallbackRegion, profilesLocation: null);

    /// <param name="profilesLocation">A shared credentials file to read profiles from instead of the
    /// user's (tests).</param>
    internal static AwsClientFactory Create(AwsConnectionOptions options, string? fallbackRegion, string? profilesLocation)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? profileRegion = null;
        if (options.Profile is { } profileName)
        {
            if (!Profiles(profilesLocation).TryGetProfile(profileName, out var profile))
            {
                throw new AwsSetupException(
                    $"--profile: no profile named '{profileName}' in ~/.aws/config or ~/.aws/credentials (check the name with 'aws configure list-profiles')");
            }

            profileRegion = profile.Region?.SystemName;
        }

        var region = options.Region ?? profileRegion ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? fallbackRegion;
        return new AwsClientFactory(options, region, profilesLocation);
    }

    // Few retries and a bounded wait: a person is waiting, and an unreachable endpoint should say so quickly.
    public IAmazonDynamoDB CreateDynamoDb() => CreateDynamoDb(TimeSpan.FromSeconds(10), maxErrorRetry: 2);

    /// <summary>DynamoDB with a per-attempt timeout and retry count chosen by the caller (replay bounds every
    /// call by the pipeline's budget, so the SDK must not wait longer).</summary>
    public IAmazonDynamoDB CreateDynamoDb(TimeSpan timeout, int maxErrorRetry) =>
        new AmazonDynamoDBClient(Configure(
            new AmazonDynamoDBConfig { MaxErrorRetry = maxErrorRetry, Timeout = timeout },
            options.DynamoDbEndpointUrl ?? options.EndpointUrl,
            "DynamoDB"));

    /// <summary>S3 with path-style addressing when an endpoint is given (emulators and stubs have no bucket DNS).</summary>
    public IAmazonS3 CreateS3()
    {
        var endpoint = options.S3EndpointUrl ?? options.EndpointUrl;
        return new AmazonS3Client(Configure(new AmazonS3Config { ForcePathStyle = endpoint is not null, MaxErrorRetry = 2 }, endpoint, "S3"));
    }

    /// <summary>The publisher the function uses, signing with this factory's credentials. The signing region
    /// is always the topic's.</summary>
    /// <exception cref="ArgumentException">The topic ARN is not an SNS topic ARN.</exception>
    /// <exception cref="AwsSetupException">The profile's credentials cannot be loaded.</exception>
    public SnsAlertPublisher CreateAlertPublisher(string topicArn) =>
        new(new SnsPublisherOptions { TopicArn = topicArn, ServiceUrl = options.SnsEndpointUrl ?? options.EndpointUrl, Credentials = ProfileCredentials() });

    public IAmazonSimpleSystemsManagement CreateSsm() =>
        new AmazonSimpleSystemsManagementClient(Configure(new AmazonSimpleSystemsManagementConfig(), options.SsmEndpointUrl ?? options.EndpointUrl, "SSM"));

    public IAmazonSecurityTokenService CreateSts() =>
        new AmazonSecurityTokenServiceClient(Configure(new AmazonSecurityTokenServiceConfig(), options.StsEndpointUrl ?? options.EndpointUrl, "STS"));

    private AWSCredentials? ProfileCredentials()
    {
        if (options.Profile is not { } profile)
        {
            return null;
        }

        return Profiles(profilesLocation).TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new AwsSetupException($"--profile: cannot load credentials of profile '{profile}' (for SSO profiles run 'aws sso login --profile {profile}' first)");
    }

    private static CredentialProfileStoreChain Profiles(string? location) =>
        location is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(location);

    private T Configure<T>(T config, Uri? endpoint, string service)
        where T : ClientConfig
    {
        if (options.Profile is { } profile)
        {
            // The SDK resolves every profile kind from here, SSO included (AWSSDK.SSO/SSOOIDC are referenced for that).
            config.Profile = profilesLocation is null ? new Profile(profile) : new Profile(profile, profilesLocation);
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
