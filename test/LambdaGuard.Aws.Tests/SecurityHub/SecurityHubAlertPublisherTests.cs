using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using LambdaGuard.Aws.SecurityHub;
using LambdaGuard.Aws.Tests.Publishing;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Aws.Tests.SecurityHub;

/// <summary>The opt-in import after the SNS publish: best-effort, never failing or holding the alert.</summary>
public sealed class SecurityHubAlertPublisherTests : IAsyncDisposable
{
    private readonly LoopbackHttpStub stub = LoopbackHttpStub.Start();
    private readonly List<string> problems = [];
    private readonly RecordingAlertPublisher sns = new();

    public async ValueTask DisposeAsync() => await stub.DisposeAsync();

    private SecurityHubAlertPublisher Publisher(Uri? serviceUrl = null) => new(
        sns,
        new SecurityHubImporter(
            new SecurityHubOptions
            {
                Region = "us-east-1",
                CallingAccount = "111122223333",
                ServiceUrl = serviceUrl ?? stub.BaseUrl,
                Credentials = new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
                AttemptTimeout = TimeSpan.FromMilliseconds(300),
            },
            new SocketsHttpHandler(),
            TimeProvider.System),
        TimeProvider.System,
        problems.Add);

    [Fact]
    public async Task PublishAsync_WhenAnAlertIsPublished_ShouldImportItsAsffFindingForTheCallingAccount()
    {
        // Arrange
        stub.Enqueue(new StubResponse(200, "{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}", "application/json"));
        var message = RealAlerts.For("alert-code-sha");

        // Act
        var messageId = await Publisher().PublishAsync(message, null, CancellationToken.None);

        // Assert
        Assert.Equal("message-1", messageId);
        var finding = Assert.Single(JsonDocument.Parse(Assert.Single(stub.Requests).Body).RootElement.GetProperty("Findings").EnumerateArray());
        Assert.Equal($"lambdaguard/{message.AlertId}", finding.GetProperty("Id").GetString());
        Assert.Equal("111122223333", finding.GetProperty("AwsAccountId").GetString());
        Assert.Equal("123456789012", finding.GetProperty("ProductFields").GetProperty("lambdaguard/account").GetString());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task PublishAsync_WhenSecurityHubRefuses_ShouldStillReturnTheAlertAndReport()
    {
        // Arrange
        stub.Fallback = _ => new StubResponse(403, "{\"message\":\"not subscribed\"}", "application/json") { Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InvalidAccessException" } };

        // Act
        var messageId = await Publisher().PublishAsync(RealAlerts.For("alert-code-sha"), null, CancellationToken.None);

        // Assert
        Assert.Equal("message-1", messageId);
        Assert.Contains("InvalidAccessException", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WhenSecurityHubNeverAnswers_ShouldReturnByTheDeadline()
    {
        // Arrange: a listener that accepts connections and never answers.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
            var clock = Stopwatch.StartNew();

            // Act
            var messageId = await Publisher(url).PublishAsync(RealAlerts.For("alert-code-sha"), DateTimeOffset.UtcNow.AddMilliseconds(800), CancellationToken.None);

            // Assert
            Assert.Equal("message-1", messageId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
            Assert.Single(problems);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task PublishAsync_WhenSnsFails_ShouldThrowAndImportNothing()
    {
        // Arrange
        sns.Failure = new InvalidOperationException("sns down");

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher().PublishAsync(RealAlerts.For("alert-code-sha"), null, CancellationToken.None));

        // Assert
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task PublishAsync_WhenTheMessageIsACanary_ShouldNotImportIt()
    {
        // Arrange
        var message = RealAlerts.For("alert-code-sha");
        var canary = message with { Attributes = new Dictionary<string, string>(message.Attributes) { ["canary"] = "true" } };

        // Act
        await Publisher().PublishAsync(canary, null, CancellationToken.None);

        // Assert
        Assert.Empty(stub.Requests);
    }
}
