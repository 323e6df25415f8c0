using Amazon.Runtime;
using Amazon.S3;
using LambdaGuard.Testing;

namespace LambdaGuard.Cli.Tests.Scan.S3;

/// <summary>An S3 client for arranging buckets and objects on fauxqs (path-style, test credentials, no
/// request checksums, which fauxqs does not take).</summary>
internal static class FauxqsS3
{
    public static AmazonS3Client Client(Uri serviceUrl) => new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = serviceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = AwsTestEnvironment.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        });
}
