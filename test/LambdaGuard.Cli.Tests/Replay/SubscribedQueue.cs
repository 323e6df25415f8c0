using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Replay;

/// <summary>A fresh fauxqs topic with an SQS queue subscribed; reads back what a subscriber gets with the SQS
/// JSON protocol (fauxqs does not check signatures).</summary>
internal sealed class SubscribedQueue : IDisposable
{
    private readonly HttpClient http;

    private SubscribedQueue(HttpClient http, string topicArn, string queueUrl)
    {
        this.http = http;
        TopicArn = topicArn;
        QueueUrl = queueUrl;
    }

    public string TopicArn { get; }

    public string QueueUrl { get; }

    public static Task<SubscribedQueue> CreateAsync(FauxqsFixture fauxqs) => CreateAsync(fauxqs.Server);

    public static async Task<SubscribedQueue> CreateAsync(FauxqsServer fauxqs)
    {
        var name = $"replay-{Guid.NewGuid():N}";
        var topicArn = await fauxqs.CreateTopicAsync(name);
        var (queueUrl, queueArn) = await fauxqs.CreateQueueAsync(name);
        await fauxqs.SubscribeQueueAsync(topicArn, queueArn);
        return new SubscribedQueue(new HttpClient { BaseAddress = fauxqs.ServiceUrl }, topicArn, queueUrl);
    }

    /// <summary>Drains the queue: the SNS envelopes delivered so far.</summary>
    public async Task<List<JsonElement>> ReceiveAllAsync()
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            using var received = await CallAsync("ReceiveMessage", $$"""{"QueueUrl":"{{QueueUrl}}","MaxNumberOfMessages":10,"WaitTimeSeconds":{{(messages.Count == 0 ? 1 : 0)}}}""");
            if (!received.RootElement.TryGetProperty("Messages", out var batch) || batch.GetArrayLength() == 0)
            {
                return messages;
            }

            foreach (var message in batch.EnumerateArray())
            {
                messages.Add(JsonDocument.Parse(message.GetProperty("Body").GetString()!).RootElement.Clone());
                var handle = JsonSerializer.Serialize(message.GetProperty("ReceiptHandle").GetString());
                using var deleted = await CallAsync("DeleteMessage", $$"""{"QueueUrl":"{{QueueUrl}}","ReceiptHandle":{{handle}}}""");
            }
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> CallAsync(string action, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Amz-Target", $"AmazonSQS.{action}");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SQS {action} failed: {text}");
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }
}
