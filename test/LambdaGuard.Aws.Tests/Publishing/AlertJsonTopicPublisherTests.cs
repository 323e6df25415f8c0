using System.Text.Json;
using LambdaGuard.Aws.Publishing;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Testing.Http;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Aws.Tests.Publishing;

/// <summary>The second topic for https subscribers that want the alert JSON (PagerDuty, webhooks).</summary>
public sealed class AlertJsonTopicPublisherTests : IAsyncDisposable
{
    private const string AlertTopic = "arn:aws:sns:us-east-1:123456789012:LambdaGuard-Alerts";
    private const string JsonTopic = "arn:aws:sns:us-east-1:123456789012:LambdaGuard-AlertJson";

    private readonly LoopbackHttpStub stub = LoopbackHttpStub.Start();
    private readonly List<string> problems = [];

    public async ValueTask DisposeAsync() => await stub.DisposeAsync();

    private AlertJsonTopicPublisher Publisher() => new(Sns(AlertTopic), Sns(JsonTopic), problems.Add);

    private SnsAlertPublisher Sns(string topic) => new(
        new SnsPublisherOptions { TopicArn = topic, ServiceUrl = stub.BaseUrl, MaxAttempts = 1 },
        new SocketsHttpHandler(),
        new AutoAdvancingTimeProvider(RealAlerts.DetectedAt));

    [Fact]
    public async Task PublishAsync_WhenBothTopicsAccept_ShouldSendTheAlertJsonAsAPlainMessageWithTheSameAttributes()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("alert-1"), StubResponse.SnsPublished("json-1"));
        var message = RealAlerts.For("alert-code-sha");

        // Act
        var messageId = await Publisher().PublishAsync(message, null, CancellationToken.None);

        // Assert
        Assert.Equal("alert-1", messageId);
        Assert.Equal(2, stub.Requests.Count);
        var alertForm = stub.Requests[0].Form();
        var jsonForm = stub.Requests[1].Form();
        Assert.Equal(AlertTopic, alertForm["TopicArn"]);
        Assert.Equal("json", alertForm["MessageStructure"]);
        Assert.Equal(JsonTopic, jsonForm["TopicArn"]);
        Assert.False(jsonForm.ContainsKey("MessageStructure"));
        using var document = JsonDocument.Parse(message.Message);
        Assert.Equal(document.RootElement.GetProperty("sqs").GetString(), jsonForm["Message"]);
        Assert.Equal("lambdaguard.alert/v1", JsonDocument.Parse(jsonForm["Message"]).RootElement.GetProperty("schema").GetString());
        Assert.Equal(alertForm["Subject"], jsonForm["Subject"]);
        Assert.Equal(
            alertForm.Where(p => p.Key.StartsWith("MessageAttributes.", StringComparison.Ordinal)).OrderBy(p => p.Key),
            jsonForm.Where(p => p.Key.StartsWith("MessageAttributes.", StringComparison.Ordinal)).OrderBy(p => p.Key));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task PublishAsync_WhenTheJsonTopicRefuses_ShouldKeepTheAlertAndReportTheProblem()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsPublished("alert-1"), StubResponse.SnsError(403, "AuthorizationError", "not allowed"));
        var message = RealAlerts.For("alert-code-sha");

        // Act
        var messageId = await Publisher().PublishAsync(message, null, CancellationToken.None);

        // Assert
        Assert.Equal("alert-1", messageId);
        var problem = Assert.Single(problems);
        Assert.Contains(message.AlertId, problem, StringComparison.Ordinal);
        Assert.Contains("AuthorizationError", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_WhenTheAlertTopicRefuses_ShouldThrowAndSkipTheJsonTopic()
    {
        // Arrange
        stub.Enqueue(StubResponse.SnsError(403, "AuthorizationError", "not allowed"));

        // Act
        await Assert.ThrowsAsync<SnsPublishException>(() => Publisher().PublishAsync(RealAlerts.For("alert-code-sha"), null, CancellationToken.None));

        // Assert
        Assert.Single(stub.Requests);
    }
}
