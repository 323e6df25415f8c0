using System.Security.Cryptography;
using System.Text;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Aws.Tests.SecurityHub;

/// <summary>SigV4 recomputed from the wire request, written from the AWS specification rather than through the
/// SDK signer the importer uses, so a wrong canonical path, header set or scope shows up as a mismatch.</summary>
internal static class IndependentSigV4
{
    public static string ExpectedAuthorization(RecordedRequest request, string accessKey, string secretKey, string region, string service)
    {
        var amzDate = request.Header("X-Amz-Date")!;
        var date = amzDate[..8];
        string[] signed = ["content-type", "host", "x-amz-date"];
        var canonicalHeaders = string.Concat(signed.Select(h => $"{h}:{request.Header(h)!.Trim()}\n"));
        var canonicalRequest = string.Join(
            "\n",
            request.Method,
            request.Target.Split('?')[0],
            string.Empty,
            canonicalHeaders,
            string.Join(';', signed),
            Hex(SHA256.HashData(request.Body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        return $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
