using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LambdaGuard.Aws.Signing;

/// <summary>What the hand-signed AWS calls (SNS Publish, Security Hub import) share: the HTTP client, the
/// credential chain and the regional endpoint.</summary>
internal static class AwsHttp
{
    // One client per process: sockets are pooled across invocations of a warm function. The pooled
    // connection lifetime makes it pick up DNS changes of the regional endpoints.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    // Caches which provider of the chain applies (it re-checks when the environment changes); the
    // provider itself is asked for fresh credentials on every attempt.
    private static readonly Lazy<DefaultAWSCredentialsIdentityResolver> DefaultCredentials = new(() => new DefaultAWSCredentialsIdentityResolver());

    /// <param name="handler">A test's handler; null for the shared client. Callers bound each attempt themselves.</param>
    public static HttpClient Client(HttpMessageHandler? handler) => handler is null
        ? SharedHttpClient.Value
        : new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Fresh credentials for one attempt (SnapStart and container credentials rotate).</summary>
    /// <param name="configured">Credentials given in the options, else the SDK's default chain.</param>
    public static async Task<ImmutableCredentials> CredentialsAsync(AWSCredentials? configured, CancellationToken cancellationToken)
    {
        var source = configured
            ?? await DefaultCredentials.Value.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        return await source.GetCredentialsAsync().ConfigureAwait(false)
            ?? throw new AmazonClientException("The AWS credential provider returned no credentials.");
    }

    /// <summary>https://SERVICE.REGION.SUFFIX/: the SDK's region table knows each partition's DNS suffix
    /// (amazonaws.com, amazonaws.com.cn, ...); an unknown region still gets the suffix of the partition its
    /// name matches.</summary>
    public static Uri Endpoint(string service, string region)
    {
        var suffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return new Uri($"https://{service}.{region}.{(string.IsNullOrEmpty(suffix) ? "amazonaws.com" : suffix)}/");
    }
}
