using Amazon.Runtime;

namespace LambdaGuard.Aws.Signing;

/// <summary>A SigV4-signed HTTP POST of one body, as the SNS and Security Hub publishers send it: every signed
/// header placed where <see cref="HttpRequestMessage"/> wants it (content headers on the content, Host as
/// the request's host).</summary>
public static class SignedPostRequest
{
    public static HttpRequestMessage Create(
        Uri endpoint, string contentType, byte[] body, ImmutableCredentials credentials, string region, string service, DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(body);
        var headers = SigV4HeaderSigner.Sign("POST", endpoint, [new("Content-Type", contentType)], body, credentials, region, service, signedAtUtc);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name.Equals(SigV4HeaderSigner.HostHeader, StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
