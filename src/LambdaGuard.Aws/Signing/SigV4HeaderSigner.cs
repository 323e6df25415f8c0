using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace LambdaGuard.Aws.Signing;

/// <summary>Signs a raw HTTP request with SigV4 through AWSSDK.Core's <see cref="AWS4Signer"/>. It derives from
/// the signer only to reach its canonicalization helpers: the public <c>SignRequest</c> needs a full SDK
/// request pipeline object and always adds a signed <c>x-amz-content-sha256</c> header, which the Query
/// protocol does not use (and which would make the AWS test-suite vectors unreachable).</summary>
internal sealed class SigV4HeaderSigner : AWS4Signer
{
    public const string AuthorizationHeader = "Authorization";
    public const string DateHeader = "X-Amz-Date";
    public const string HostHeader = "Host";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    private SigV4HeaderSigner()
    {
    }

    /// <summary>Returns every header the request must carry: the given ones plus Host, X-Amz-Date,
    /// X-Amz-Security-Token (session credentials only, signed) and Authorization.</summary>
    public static IReadOnlyDictionary<string, string> Sign(
        string method,
        Uri endpoint,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);

        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        if (credentials.UseToken)
        {
            all[SecurityTokenHeader] = credentials.Token;
        }

        var signedAt = InitializeHeaders(all, endpoint, DateTime.SpecifyKind(signedAtUtc, DateTimeKind.Utc));
        var sortedHeaders = SortAndPruneHeaders(all);
        var bodyHash = AWSSDKUtils.ToHex(ComputeHash(body.ToArray()), true);
        var canonicalQuery = CanonicalizeQueryParameters(endpoint.Query.TrimStart('?'));
        var canonicalRequest = CanonicalizeRequest(
            endpoint,
            resourcePath: null,
            method,
            sortedHeaders,
            canonicalQuery,
            bodyHash,
            pathResources: null,
            doubleEncode: true);

        var result = ComputeSignature(credentials, region, signedAt, service, CanonicalizeHeaderNames(sortedHeaders), canonicalRequest);
        all[AuthorizationHeader] = result.ForAuthorizationHeader;
        return all;
    }
}
