using System.Text.Json;
using Amazon.Runtime;
using LambdaGuard.Aws.SecurityHub;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Http;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Aws.Tests.SecurityHub;

/// <summary>BatchImportFindings against a loopback stub: request shape, signature, the 100-finding limit and
/// which failures are retried.</summary>
public sealed class SecurityHubImporterTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHttpStub stub = LoopbackHttpStub.Start();

    public async ValueTask DisposeAsync() => await stub.DisposeAsync();

    private static StubResponse Accepted(int success, params (string Id, string Code)[] failed) => new(
        200,
        JsonSerializer.Serialize(new
        {
            FailedCount = failed.Length,
            SuccessCount = success,
            FailedFindings = failed.Select(f => new { f.Id, ErrorCode = f.Code, ErrorMessage = "scripted" }),
        }),
        "application/json");

    private static StubResponse Error(int status, string type) =>
        new(status, $"{{\"message\":\"scripted {type}\"}}", "application/json") { Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = type } };

    private static List<AsffImport> Findings(int count) =>
        Enumerable.Range(0, count).Select(i => new AsffImport($"lambdaguard/{i:D4}", $"{{\"Id\":\"lambdaguard/{i:D4}\"}}")).ToList();

    private static List<string> SentIds(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("Id").GetString()!).ToList();

    private SecurityHubImporter Importer(int maxAttempts = 3) => new(
        new SecurityHubOptions
        {
            Region = "eu-west-1",
            CallingAccount = "111122223333",
            ServiceUrl = stub.BaseUrl,
            Credentials = new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            MaxAttempts = maxAttempts,
        },
        new SocketsHttpHandler(),
        new AutoAdvancingTimeProvider(Start));

    [Fact]
    public async Task ImportAsync_WhenAccepted_ShouldPostSignedRestJsonToFindingsImport()
    {
        // Arrange
        stub.Enqueue(Accepted(2));

        // Act
        var result = await Importer().ImportAsync(Findings(2), null, CancellationToken.None);

        // Assert
        Assert.Equal(2, result.Imported);
        Assert.Empty(result.Failed);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/findings/import", request.Target);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(["lambdaguard/0000", "lambdaguard/0001"], SentIds(request));
        Assert.Equal(["Findings"], JsonDocument.Parse(request.Body).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AwsTestEnvironment.AccessKeyId}/20261120/eu-west-1/securityhub/aws4_request, ", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(
            IndependentSigV4.ExpectedAuthorization(request, AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey, "eu-west-1", "securityhub"),
            request.Header("Authorization"));
    }

    [Fact]
    public async Task ImportAsync_When250Findings_ShouldSendCallsOfAtMost100()
    {
        // Arrange
        stub.Enqueue(Accepted(100), Accepted(100), Accepted(50));

        // Act
        var result = await Importer().ImportAsync(Findings(250), null, CancellationToken.None);

        // Assert
        Assert.Equal(250, result.Imported);
        Assert.Equal([100, 100, 50], stub.Requests.Select(r => SentIds(r).Count));
        Assert.Equal(250, stub.Requests.SelectMany(SentIds).Distinct().Count());
    }

    [Fact]
    public async Task ImportAsync_WhenSomeFindingsFail_ShouldRetryOnlyThoseFindings()
    {
        // Arrange
        stub.Enqueue(Accepted(3, ("lambdaguard/0001", "InternalFailure"), ("lambdaguard/0003", "InternalFailure")), Accepted(2));

        // Act
        var result = await Importer().ImportAsync(Findings(5), null, CancellationToken.None);

        // Assert
        Assert.Equal(5, result.Imported);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(["lambdaguard/0001", "lambdaguard/0003"], SentIds(stub.Requests[1]));
    }

    [Fact]
    public async Task ImportAsync_WhenFindingsKeepFailing_ShouldStopAfterTheAttemptsAndNameThem()
    {
        // Arrange
        stub.Fallback = _ => Accepted(0, ("lambdaguard/0000", "InvalidInput"));

        // Act
        var result = await Importer(maxAttempts: 3).ImportAsync(Findings(1), null, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.Imported);
        Assert.Equal(3, stub.Requests.Count);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(("lambdaguard/0000", "InvalidInput"), (failure.Id, failure.Code));
    }

    [Fact]
    public async Task ImportAsync_WhenThrottled_ShouldRetryTheWholeBatch()
    {
        // Arrange
        stub.Enqueue(Error(429, "TooManyRequestsException"), Error(500, "InternalException"), Accepted(3));

        // Act
        var result = await Importer().ImportAsync(Findings(3), null, CancellationToken.None);

        // Assert
        Assert.Equal(3, result.Imported);
        Assert.Equal(3, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(3, SentIds(r).Count));
    }

    [Fact]
    public async Task ImportAsync_WhenAccessIsDenied_ShouldNotRetryAndReportEveryFinding()
    {
        // Arrange
        stub.Enqueue(Error(403, "AccessDeniedException"));

        // Act
        var result = await Importer().ImportAsync(Findings(2), null, CancellationToken.None);

        // Assert
        Assert.Single(stub.Requests);
        Assert.Equal(2, result.Failed.Count);
        Assert.All(result.Failed, f => Assert.Contains("AccessDeniedException", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_WhenTheDeadlineHasPassed_ShouldSendNothing()
    {
        // Act
        var result = await Importer().ImportAsync(Findings(2), Start.AddSeconds(-1), CancellationToken.None);

        // Assert
        Assert.Empty(stub.Requests);
        Assert.Equal(2, result.Failed.Count);
    }
}
