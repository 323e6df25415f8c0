using Amazon.S3.Model;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.TestAlert;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Cli.Tests.Aws;

public sealed class AwsClientFactoryTests : IDisposable
{
    private const string Topic = "arn:aws:sns:us-east-1:000000000000:alerts";

    private readonly string credentialsFile = Path.GetTempFileName();

    public AwsClientFactoryTests() => File.WriteAllText(credentialsFile, """
        [rehearsal]
        aws_access_key_id = AKIDPROFILEREHEARSAL
        aws_secret_access_key = profile-secret
        region = eu-west-1
        """);

    public void Dispose() => File.Delete(credentialsFile);

    [Fact]
    public async Task CreateAlertPublisher_WhenProfileIsGiven_ShouldSignWithTheProfilesCredentialsAtTheSnsEndpoint()
    {
        // Arrange
        await using var sns = LoopbackHttpStub.Start();
        sns.Enqueue(StubResponse.SnsPublished("message-1"));
        var closed = ClosedLoopbackPort.Url();
        var options = new AwsConnectionOptions(Profile: "rehearsal", EndpointUrl: closed, SnsEndpointUrl: sns.BaseUrl);

        // Act
        var factory = AwsClientFactory.Create(options, fallbackRegion: null, profilesLocation: credentialsFile);
        var messageId = await factory.CreateAlertPublisher(Topic).PublishAsync(TestAlertMessage.Create(Topic, DateTimeOffset.UnixEpoch, "test-1"), CancellationToken.None);

        // Assert
        Assert.Equal("message-1", messageId);
        Assert.Equal("eu-west-1", factory.Region);
        Assert.Contains("Credential=AKIDPROFILEREHEARSAL/", Assert.Single(sns.Requests).Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateS3_WhenProfileIsGiven_ShouldSignWithTheProfilesCredentialsAndRegionAtTheS3Endpoint()
    {
        // Arrange
        await using var s3 = LoopbackHttpStub.Start();
        s3.Enqueue(StubResponse.Xml(200, """<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>trail-logs</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>"""));
        var options = new AwsConnectionOptions(Profile: "rehearsal", EndpointUrl: ClosedLoopbackPort.Url(), S3EndpointUrl: s3.BaseUrl);

        // Act
        var factory = AwsClientFactory.Create(options, fallbackRegion: null, profilesLocation: credentialsFile);
        using var client = factory.CreateS3();
        await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "trail-logs", Prefix = "AWSLogs/" });

        // Assert
        var request = Assert.Single(s3.Requests);
        Assert.StartsWith("/trail-logs", request.Target, StringComparison.Ordinal);
        var authorization = request.Header("Authorization");
        Assert.Contains("Credential=AKIDPROFILEREHEARSAL/", authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/s3/aws4_request", authorization, StringComparison.Ordinal);
    }
}
