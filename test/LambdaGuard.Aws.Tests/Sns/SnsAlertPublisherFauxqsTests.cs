using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.Sns;

/// <summary>Publishing to fauxqs with an SQS queue subscribed (raw delivery off), read back with the SQS SDK.
/// fauxqs ignores MessageStructure: the subscriber gets the whole JSON document as the envelope's Message,
/// where real SNS would deliver the document's "sqs" value. The tests assert what fauxqs does.</summary>
[Collection(EmulatorCollections.Fauxqs)]
[Trait("Category", "Integration")]
public sealed class SnsAlertPublisherFauxqsTests(FauxqsFixture fauxqs) : IDisposable
{
    private readonly AmazonSQSClient sqs = new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonSQSConfig { ServiceURL = fauxqs.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });

    public void Dispose() => sqs.Dispose();

    [Fact]
    public async Task PublishAsync_WhenQueueSubscribed_ShouldDeliverSnsEnvelopeWithMessageSubjectAndAttributes()
    {
        // Arrange
        var name = $"alerts-{Guid.NewGuid():N}";
        var topicArn = await fauxqs.Server.CreateTopicAsync(name);
        var (queueUrl, queueArn) = await fauxqs.Server.CreateQueueAsync(name);
        await fauxqs.Server.SubscribeQueueAsync(topicArn, queueArn, rawMessageDelivery: false);
        var message = AlertMessages.Sample();
        var publisher = new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = topicArn, ServiceUrl = fauxqs.ServiceUrl });

        // Act
        var messageId = await publisher.PublishAsync(message, CancellationToken.None);

        // Assert
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        var delivered = Assert.Single(received.Messages);
        using var envelope = JsonDocument.Parse(delivered.Body);
        var root = envelope.RootElement;
        Assert.Equal("Notification", root.GetProperty("Type").GetString());
        Assert.Equal(messageId, root.GetProperty("MessageId").GetString());
        Assert.Equal(topicArn, root.GetProperty("TopicArn").GetString());
        Assert.Equal(message.Subject, root.GetProperty("Subject").GetString());
        Assert.Equal(message.Message, root.GetProperty("Message").GetString());
        var attributes = root.GetProperty("MessageAttributes");
        foreach (var (key, value) in message.Attributes)
        {
            Assert.Equal("String", attributes.GetProperty(key).GetProperty("Type").GetString());
            Assert.Equal(value, attributes.GetProperty(key).GetProperty("Value").GetString());
        }
    }

    [Fact]
    public async Task PublishAsync_WhenTopicDoesNotExist_ShouldThrowNotFoundWithoutRetry()
    {
        // Arrange
        var publisher = new SnsAlertPublisher(new SnsPublisherOptions
        {
            TopicArn = $"arn:aws:sns:us-east-1:000000000000:missing-{Guid.NewGuid():N}",
            ServiceUrl = fauxqs.ServiceUrl,
        });

        // Act
        var error = await Assert.ThrowsAsync<SnsPublishException>(() => publisher.PublishAsync(AlertMessages.Sample(), CancellationToken.None));

        // Assert
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, error.Attempts);
    }
}
