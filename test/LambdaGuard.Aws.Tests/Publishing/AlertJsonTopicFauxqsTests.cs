using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using LambdaGuard.Aws.Publishing;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.Publishing;

/// <summary>A real alert through fauxqs: the alert topic's SQS subscriber gets the MessageStructure document
/// (fauxqs passes the whole document on), and the alert-JSON topic's subscriber gets the alert JSON itself.</summary>
[Collection(EmulatorCollections.Fauxqs)]
[Trait("Category", "Integration")]
public sealed class AlertJsonTopicFauxqsTests(FauxqsFixture fauxqs) : IDisposable
{
    private readonly AmazonSQSClient sqs = new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonSQSConfig { ServiceURL = fauxqs.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });

    public void Dispose() => sqs.Dispose();

    [Fact]
    public async Task PublishAsync_WhenBothTopicsHaveQueues_ShouldDeliverTheDocumentAndThePlainAlertJson()
    {
        // Arrange
        var name = $"alerts-{Guid.NewGuid():N}";
        var alertTopic = await fauxqs.Server.CreateTopicAsync(name);
        var jsonTopic = await fauxqs.Server.CreateTopicAsync(name + "-json");
        var (alertQueue, alertQueueArn) = await fauxqs.Server.CreateQueueAsync(name);
        var (jsonQueue, jsonQueueArn) = await fauxqs.Server.CreateQueueAsync(name + "-json");
        await fauxqs.Server.SubscribeQueueAsync(alertTopic, alertQueueArn);
        await fauxqs.Server.SubscribeQueueAsync(jsonTopic, jsonQueueArn);
        var publisher = new AlertJsonTopicPublisher(
            new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = alertTopic, ServiceUrl = fauxqs.ServiceUrl }),
            new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = jsonTopic, ServiceUrl = fauxqs.ServiceUrl }),
            problem => Assert.Fail(problem));
        var message = RealAlerts.For("alert-code-sha");

        // Act
        await publisher.PublishAsync(message, null, CancellationToken.None);

        // Assert
        var document = JsonDocument.Parse(await ReceiveMessageAsync(alertQueue)).RootElement;
        Assert.Equal(["default", "email", "sqs", "lambda", "firehose", "email-json", "https"], document.EnumerateObject().Select(p => p.Name));
        var alert = JsonDocument.Parse(await ReceiveMessageAsync(jsonQueue)).RootElement;
        Assert.Equal("lambdaguard.alert/v1", alert.GetProperty("schema").GetString());
        Assert.Equal(message.AlertId, alert.GetProperty("alertId").GetString());
        Assert.Equal("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=", alert.GetProperty("codeSha256").GetString());
    }

    private async Task<string> ReceiveMessageAsync(string queueUrl)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 2 });
        var delivered = Assert.Single(received.Messages);
        using var envelope = JsonDocument.Parse(delivered.Body);
        return envelope.RootElement.GetProperty("Message").GetString()!;
    }
}
