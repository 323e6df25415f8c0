using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Core.Ports;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Function.Tests.Integration;

/// <summary>Fresh tables in dynalite and a fresh topic in fauxqs with an SQS queue subscribed, so a test reads
/// back exactly what a subscriber gets.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(AmazonDynamoDBClient dynamoDb, AmazonSQSClient sqs, string suppressionsTable, string claimsTable, string topicArn, string queueUrl)
    {
        DynamoDb = dynamoDb;
        Sqs = sqs;
        SuppressionsTable = suppressionsTable;
        ClaimsTable = claimsTable;
        TopicArn = topicArn;
        QueueUrl = queueUrl;
        Suppressions = new DynamoDbSuppressionStore(dynamoDb, suppressionsTable);
        Claims = new DynamoDbAlertClaims(dynamoDb, claimsTable);
    }

    public AmazonDynamoDBClient DynamoDb { get; }

    public AmazonSQSClient Sqs { get; }

    public string SuppressionsTable { get; }

    public string ClaimsTable { get; }

    public string TopicArn { get; }

    public string QueueUrl { get; }

    public DynamoDbSuppressionStore Suppressions { get; }

    public DynamoDbAlertClaims Claims { get; }

    public TelemetryCapture Telemetry { get; } = new();

    public static async Task<EmulatorHarness> StartAsync(DynaliteFixture dynalite, FauxqsFixture fauxqs)
    {
        var dynamoDb = DynamoDbClient(dynalite.ServiceUrl);
        var suffix = Guid.NewGuid().ToString("N");
        var suppressionsTable = $"Suppressions-{suffix}";
        var claimsTable = $"AlertClaims-{suffix}";
        await LambdaGuardTables.EnsureSuppressionsTableAsync(dynamoDb, suppressionsTable);
        await LambdaGuardTables.EnsureAlertClaimsTableAsync(dynamoDb, claimsTable);
        var topicArn = await fauxqs.Server.CreateTopicAsync($"alerts-{suffix}");
        var (queueUrl, queueArn) = await fauxqs.Server.CreateQueueAsync($"alerts-{suffix}");
        await fauxqs.Server.SubscribeQueueAsync(topicArn, queueArn);
        var sqs = new AmazonSQSClient(
            new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            new AmazonSQSConfig { ServiceURL = fauxqs.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });
        return new EmulatorHarness(dynamoDb, sqs, suppressionsTable, claimsTable, topicArn, queueUrl);
    }

    public static AmazonDynamoDBClient DynamoDbClient(Uri serviceUrl) => new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonDynamoDBConfig { ServiceURL = serviceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region, MaxErrorRetry = 1, Timeout = TimeSpan.FromSeconds(5) });

    /// <summary>A DynamoDB endpoint where nothing listens: the port was bound once and released.</summary>
    public static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public FunctionHandler Handler(Uri snsUrl, ISuppressionSource? suppressions = null, IAlertClaims? claims = null, TimeProvider? time = null, IAlertPublisher? publisher = null) => new(
        TestSettings.Create(TopicArn, SuppressionsTable, ClaimsTable),
        suppressions ?? Suppressions,
        claims ?? Claims,
        publisher ?? new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = TopicArn, ServiceUrl = snsUrl }),
        time ?? TimeProvider.System,
        Telemetry.Output);

    /// <summary>Everything the subscribed queue holds, as SNS envelopes (raw delivery off).</summary>
    public async Task<List<JsonElement>> ReceiveAllAsync()
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = QueueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = messages.Count == 0 ? 1 : 0,
            });
            if (received.Messages is not { Count: > 0 } batch)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(JsonDocument.Parse(message.Body).RootElement.Clone());
                await Sqs.DeleteMessageAsync(QueueUrl, message.ReceiptHandle);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        Sqs.Dispose();
        await ValueTask.CompletedTask;
    }
}
