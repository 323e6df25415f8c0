using System.Text;
using Amazon.Runtime;
using LambdaGuard.Aws.Signing;

namespace LambdaGuard.Aws.Tests.Signing;

/// <summary>Cases of AWS's published SigV4 test suite (aws-sig-v4-test-suite): fixed credentials, service
/// "service", region us-east-1, 2015-08-30T12:36:00Z. The expected Authorization headers are the suite's
/// .authz files; a wrong canonical request, scope or key derivation changes the signature.</summary>
public sealed class SigV4HeaderSignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private const string Scope = "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void Sign_WhenGetVanilla_ShouldMatchPublishedAuthorization()
    {
        // Act
        var headers = Sign("GET", "https://example.amazonaws.com/", [], string.Empty);

        // Assert
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            headers["Authorization"]);
        Assert.Equal("20150830T123600Z", headers["X-Amz-Date"]);
        Assert.Equal("example.amazonaws.com", headers["Host"]);
    }

    [Fact]
    public void Sign_WhenPostVanilla_ShouldMatchPublishedAuthorization()
    {
        // Act
        var headers = Sign("POST", "https://example.amazonaws.com/", [], string.Empty);

        // Assert
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
            headers["Authorization"]);
    }

    [Fact]
    public void Sign_WhenPostFormUrlEncoded_ShouldSignContentTypeAndBody()
    {
        // Act
        var headers = Sign(
            "POST",
            "https://example.amazonaws.com/",
            [new("Content-Type", "application/x-www-form-urlencoded")],
            "Param1=value1");

        // Assert
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            headers["Authorization"]);
    }

    [Fact]
    public void Sign_WhenQueryParametersOutOfOrder_ShouldMatchPublishedAuthorization()
    {
        // Act (get-vanilla-query-order-key-case)
        var headers = Sign("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", [], string.Empty);

        // Assert
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            headers["Authorization"]);
    }

    [Fact]
    public void Sign_WhenSessionCredentials_ShouldSignSecurityTokenHeader()
    {
        // Act (post-sts-token/post-sts-header-before)
        var headers = Sign("POST", "https://example.amazonaws.com/", [], string.Empty, SessionToken);

        // Assert
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
            headers["Authorization"]);
        Assert.Equal(SessionToken, headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public void Sign_WhenBodyDiffersFromVector_ShouldChangeSignature()
    {
        // Act
        var headers = Sign(
            "POST",
            "https://example.amazonaws.com/",
            [new("Content-Type", "application/x-www-form-urlencoded")],
            "Param1=value2");

        // Assert
        Assert.DoesNotContain("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_WhenEndpointHasPort_ShouldSignHostWithPort()
    {
        // Act
        var headers = Sign("POST", "http://127.0.0.1:4566/", [], string.Empty);

        // Assert
        Assert.Equal("127.0.0.1:4566", headers["Host"]);
    }

    private static IReadOnlyDictionary<string, string> Sign(
        string method, string url, KeyValuePair<string, string>[] headers, string body, string? token = null) =>
        SigV4HeaderSigner.Sign(
            method,
            new Uri(url),
            headers,
            Encoding.UTF8.GetBytes(body),
            new ImmutableCredentials(AccessKey, SecretKey, token),
            "us-east-1",
            "service",
            SignedAt);
}
