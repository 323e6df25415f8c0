using System.Net;
using Amazon.Runtime;
using LambdaGuard.Aws.Signing;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Http;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Aws.Tests.Sns;

public sealed class SnsAlertPublisherTests : IAsyncLifetime
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:LambdaGuard-Alerts";
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 15, 0, TimeSpan.Zero);

    private readonly LoopbackHttpStub stub = LoopbackHttpStub.Start();
    private readonly AutoAdvancingTimeProvider clock = new(Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task PublishAsync_WhenSnsAccepts_ShouldPostQueryFormAndReturnMessageId()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"));
        var message = AlertMessages.Sample();

        // Act
        var messageId = await Publisher().PublishAsync(message, CancellationToken.None);

        // Assert
        Assert.Equal("msg-1", messageId);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Target);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        var form = request.Form();
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("2010-03-31", form["Version"]);
        Assert.Equal(TopicArn, form["TopicArn"]);
        Assert.Equal("json", form["MessageStructure"]);
        Assert.Equal(message.Message, form["Message"]);
        Assert.Equal(message.Subject, form["Subject"]);
    }

    [Fact]
    public async Task PublishAsync_WhenMessageHasAttributes_ShouldSendEachAsStringMessageAttribute()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"));

        // Act
        await Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert: entries numbered from 1, in name order, all of DataType String.
        var form = Assert.Single(stub.Requests).Form();
        var sent = new Dictionary<string, string>();
        for (var i = 1; form.ContainsKey($"MessageAttributes.entry.{i}.Name"); i++)
        {
            Assert.Equal("String", form[$"MessageAttributes.entry.{i}.Value.DataType"]);
            sent[form[$"MessageAttributes.entry.{i}.Name"]] = form[$"MessageAttributes.entry.{i}.Value.StringValue"];
        }

        Assert.Equal(AlertMessages.Sample().Attributes, sent);
        Assert.Equal("account", form["MessageAttributes.entry.1.Name"]);
    }

    [Fact]
    public async Task PublishAsync_WhenAttributeOrSubjectIsEmpty_ShouldLeaveThemOut()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"));
        var message = new AlertMessage("id", string.Empty, "{\"default\":\"x\"}", new Dictionary<string, string> { ["ruleId"] = "LG001", ["account"] = string.Empty });

        // Act
        await Publisher().PublishAsync(message, CancellationToken.None);

        // Assert
        var form = Assert.Single(stub.Requests).Form();
        Assert.False(form.ContainsKey("Subject"));
        Assert.Equal("ruleId", form["MessageAttributes.entry.1.Name"]);
        Assert.False(form.ContainsKey("MessageAttributes.entry.2.Name"));
    }

    [Fact]
    public async Task PublishAsync_WhenSent_ShouldCarrySigV4ForSnsInTheTopicRegion()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"));

        // Act
        await Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert
        var request = Assert.Single(stub.Requests);
        Assert.Equal("20250301T101500Z", request.Header("X-Amz-Date"));
        Assert.Equal($"127.0.0.1:{stub.Port}", request.Header("Host"));
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.Matches(
            $"^AWS4-HMAC-SHA256 Credential={AwsTestEnvironment.AccessKeyId}/20250301/eu-west-1/sns/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$",
            authorization);
    }

    [Fact]
    public async Task PublishAsync_WhenReceived_ShouldVerifyAgainstTheBytesAndHeadersOnTheWire()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"));

        // Act
        await Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert: re-signing what the server received gives the same signature, so nothing the signature
        // covers (body bytes, content type, host, date) was changed between signing and sending.
        var request = Assert.Single(stub.Requests);
        var expected = SigV4HeaderSigner.Sign(
            "POST",
            new Uri(stub.BaseUrl, request.Target),
            [new("Content-Type", request.Header("Content-Type")!)],
            request.Body,
            new ImmutableCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey, null),
            "eu-west-1",
            "sns",
            DateTime.ParseExact(request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
        Assert.Equal(expected["Authorization"], request.Header("Authorization"));
    }

    [Fact]
    public async Task PublishAsync_WhenCredentialsRotateBetweenCalls_ShouldSignEachCallWithTheCurrentOnes()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("msg-1"), StubResponse.SnsPublished("msg-2"));
        var credentials = new RotatingCredentials(
            new ImmutableCredentials("AKIDFIRST", "secret-1", null),
            new ImmutableCredentials("AKIDSECOND", "secret-2", "session-token-2"));
        var publisher = Publisher(o => new SnsPublisherOptions { TopicArn = o.TopicArn, ServiceUrl = o.ServiceUrl, Credentials = credentials });

        // Act
        await publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None);
        await publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert
        var requests = stub.Requests;
        Assert.Contains("Credential=AKIDFIRST/", requests[0].Header("Authorization"), StringComparison.Ordinal);
        Assert.Null(requests[0].Header("X-Amz-Security-Token"));
        Assert.Contains("Credential=AKIDSECOND/", requests[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("x-amz-security-token", requests[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("session-token-2", requests[1].Header("X-Amz-Security-Token"));
    }

    [Theory]
    [InlineData(400, "Throttling")]
    [InlineData(400, "ThrottledException")]
    [InlineData(429, "TooManyRequestsException")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task PublishAsync_WhenTransientErrorThenSuccess_ShouldRetryAndReturnMessageId(int status, string code)
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsError(status, code), StubResponse.SnsError(status, code), StubResponse.SnsPublished("msg-3"));

        // Act
        var messageId = await Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert
        Assert.Equal("msg-3", messageId);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(2, clock.Waits.Count);
    }

    [Fact]
    public async Task PublishAsync_When5xxHasNoXmlBody_ShouldRetry()
    {
        // Arrange
        stub.Enqueue(new StubResponse(502, "<html>Bad Gateway</html>", "text/html"), StubResponse.SnsPublished("msg-2"));

        // Act
        var messageId = await Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert
        Assert.Equal("msg-2", messageId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task PublishAsync_WhenRetrying_ShouldBackOffExponentially()
    {
        // Arrange
        stub.Enqueue(
            StubResponse.SnsError(400, "Throttling"),
            StubResponse.SnsError(400, "Throttling"),
            StubResponse.SnsError(400, "Throttling"),
            StubResponse.SnsPublished("msg-4"));
        var publisher = Publisher(o => WithRetries(o, maxAttempts: 5, budget: TimeSpan.FromSeconds(10)), jitter: 0.0);

        // Act
        await publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None);

        // Assert: with jitter 0 each wait is half its ceiling: 100, 200, 400 ms -> 50, 100, 200 ms.
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], clock.Waits);
    }

    [Fact]
    public async Task PublishAsync_WhenThrottlingPersists_ShouldThrowAfterMaxAttempts()
    {
        // Arrange
        stub.Fallback = _ => StubResponse.SnsError(400, "Throttling", "Rate exceeded");
        var publisher = Publisher(o => WithRetries(o, maxAttempts: 3, budget: TimeSpan.FromMinutes(1)));

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.True(error.IsTransient);
        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Rate exceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_When5xxOutlastsTheBudget_ShouldStopWithoutWaitingPastIt()
    {
        // Arrange: every wait is 200 ms (jitter pinned high), the budget 1 s: attempts at 0, 200, 400, 600,
        // 800 ms; the next wait would end at the budget, so the publisher gives up instead.
        stub.Fallback = _ => StubResponse.SnsError(500, "InternalError", "try later", "Receiver");
        var publisher = Publisher(o => WithRetries(o, maxAttempts: 100, budget: TimeSpan.FromSeconds(1), baseDelay: TimeSpan.FromMilliseconds(200)), jitter: 1.0);

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.Equal(5, stub.Requests.Count);
        Assert.Equal(5, error.Attempts);
        Assert.True(error.IsTransient);
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Contains("retry budget", error.Message, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() - Start <= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PublishAsync_WhenCallerDeadlineComesBeforeTheBudget_ShouldStopAtTheDeadline()
    {
        // Arrange
        stub.Fallback = _ => StubResponse.SnsError(400, "Throttling");
        var publisher = Publisher(o => WithRetries(o, maxAttempts: 100, budget: TimeSpan.FromMinutes(1), baseDelay: TimeSpan.FromMilliseconds(200)), jitter: 1.0);

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(
            () => publisher.PublishAsync(AlertMessages.Sample(), Start + TimeSpan.FromMilliseconds(500), CancellationToken.None));

        // Assert: attempts at 0, 200, 400 ms; a fourth would start at 600 ms.
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.True(clock.GetUtcNow() - Start <= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task PublishAsync_WhenDeadlineAlreadyPassed_ShouldThrowWithoutSending()
    {
        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(
            () => Publisher().PublishAsync(AlertMessages.Sample(), Start - TimeSpan.FromSeconds(1), CancellationToken.None));

        // Assert
        Assert.Empty(stub.Requests);
        Assert.Equal(0, error.Attempts);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(400, "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body")]
    [InlineData(403, "AuthorizationError", "User is not authorized to perform SNS:Publish")]
    [InlineData(404, "NotFound", "Topic does not exist")]
    [InlineData(403, "SignatureDoesNotMatch", "The request signature we calculated does not match")]
    public async Task PublishAsync_WhenRejected_ShouldThrowAtOnceWithoutRetry(int status, string code, string text)
    {
        // Arrange
        stub.Fallback = _ => StubResponse.SnsError(status, code, text);

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.Single(stub.Requests);
        Assert.Empty(clock.Waits);
        Assert.False(error.IsTransient);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal($"req-{code}", error.RequestId);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains("a1b2c3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WhenSuccessResponseHasNoMessageId_ShouldThrow()
    {
        // Arrange
        stub.Enqueue(StubResponse.Xml(200, "<PublishResponse><PublishResult/></PublishResponse>"));

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.False(error.IsTransient);
        Assert.Contains("without a MessageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WhenNothingListens_ShouldRetryThenThrowTransient()
    {
        // Arrange
        var closed = LoopbackHttpStub.Start();
        var closedUrl = closed.BaseUrl;
        await closed.DisposeAsync();
        var publisher = new SnsAlertPublisher(
            new SnsPublisherOptions { TopicArn = TopicArn, ServiceUrl = closedUrl, MaxAttempts = 2 },
            new SocketsHttpHandler(),
            clock);

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.True(error.IsTransient);
        Assert.Equal(2, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task PublishAsync_WhenCallerCancels_ShouldStopWithCancellation()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // Act + Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Publisher().PublishAsync(AlertMessages.Sample(), cancelled.Token));
    }

    [Theory]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:alerts", "https://sns.eu-west-1.amazonaws.com/")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:alerts", "https://sns.cn-north-1.amazonaws.com.cn/")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts", "https://sns.us-gov-west-1.amazonaws.com/")]
    public void Constructor_WhenNoServiceUrl_ShouldUseTheRegionalEndpointOfTheTopic(string topicArn, string endpoint)
    {
        // Act
        var publisher = new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = topicArn });

        // Assert
        Assert.Equal(new Uri(endpoint), publisher.Endpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("LambdaGuard-Alerts")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:eu-west-1:123456789012")]
    public void Constructor_WhenTopicArnIsNotAnSnsTopic_ShouldThrowNamingTheValue(string topicArn)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = topicArn }));

        // Assert
        Assert.Contains($"'{topicArn}'", error.Message, StringComparison.Ordinal);
    }

    private SnsAlertPublisher Publisher(Func<SnsPublisherOptions, SnsPublisherOptions>? configure = null, double jitter = 0.5)
    {
        var options = new SnsPublisherOptions { TopicArn = TopicArn, ServiceUrl = stub.BaseUrl };
        return new SnsAlertPublisher(configure?.Invoke(options) ?? options, new SocketsHttpHandler(), clock) { Jitter = () => jitter };
    }

    private static SnsPublisherOptions WithRetries(SnsPublisherOptions options, int maxAttempts, TimeSpan budget, TimeSpan? baseDelay = null) => new()
    {
        TopicArn = options.TopicArn,
        ServiceUrl = options.ServiceUrl,
        MaxAttempts = maxAttempts,
        RetryBudget = budget,
        BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100),
        MaxDelay = baseDelay ?? TimeSpan.FromSeconds(2),
    };

    private sealed class RotatingCredentials(params ImmutableCredentials[] sequence) : AWSCredentials
    {
        private int next;

        public override ImmutableCredentials GetCredentials() => sequence[Math.Min(next++, sequence.Length - 1)];
    }
}
