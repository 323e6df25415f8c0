using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace LambdaGuard.Testing.Emulators;

/// <summary>fauxqs (in-memory SNS + SQS) on 127.0.0.1; SNS and SQS share <see cref="ServiceUrl"/>. The setup
/// helpers speak the wire protocols directly (no SNS SDK here), without signing: fauxqs does not check auth.
/// Worth knowing: fauxqs ignores MessageStructure (subscribers get the whole JSON document as Message),
/// never throttles, and only delivers to SQS subscriptions.</summary>
public sealed class FauxqsServer : IAsyncDisposable, IDisposable
{
    private readonly NodeEmulatorProcess process;
    private readonly HttpClient http;

    private FauxqsServer(NodeEmulatorProcess process)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = process.ServiceUrl };
    }

    public Uri ServiceUrl => process.ServiceUrl;

    public int Port => process.Port;

    public static async Task<FauxqsServer> StartAsync() =>
        new(await NodeEmulatorProcess.StartAsync("fauxqs.mjs", "fauxqs").ConfigureAwait(false));

    /// <returns>The topic ARN (region us-east-1, account 000000000000).</returns>
    public async Task<string> CreateTopicAsync(string name)
    {
        var response = await SnsAsync([new("Action", "CreateTopic"), new("Name", name)]).ConfigureAwait(false);
        return Element(response, "TopicArn");
    }

    public async Task<(string QueueUrl, string QueueArn)> CreateQueueAsync(string name)
    {
        using var created = await SqsAsync("CreateQueue", new Dictionary<string, object> { ["QueueName"] = name }).ConfigureAwait(false);
        var url = created.RootElement.GetProperty("QueueUrl").GetString()!;
        using var attributes = await SqsAsync(
            "GetQueueAttributes",
            new Dictionary<string, object> { ["QueueUrl"] = url, ["AttributeNames"] = new[] { "QueueArn" } }).ConfigureAwait(false);
        return (url, attributes.RootElement.GetProperty("Attributes").GetProperty("QueueArn").GetString()!);
    }

    /// <returns>The subscription ARN. fauxqs confirms SQS subscriptions at once.</returns>
    public async Task<string> SubscribeQueueAsync(string topicArn, string queueArn, bool rawMessageDelivery = false)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("Action", "Subscribe"),
            new("TopicArn", topicArn),
            new("Protocol", "sqs"),
            new("Endpoint", queueArn),
        ];
        if (rawMessageDelivery)
        {
            parameters.Add(new("Attributes.entry.1.key", "RawMessageDelivery"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }

        var response = await SnsAsync(parameters).ConfigureAwait(false);
        return Element(response, "SubscriptionArn");
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        http.Dispose();
        process.Dispose();
    }

    private async Task<XDocument> SnsAsync(List<KeyValuePair<string, string>> parameters)
    {
        parameters.Add(new("Version", "2010-03-31"));
        using var content = new FormUrlEncodedContent(parameters);
        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"fauxqs SNS {parameters[0].Value} failed: HTTP {(int)response.StatusCode} {text}");
        }

        return XDocument.Parse(text);
    }

    private async Task<JsonDocument> SqsAsync(string action, Dictionary<string, object> body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Amz-Target", $"AmazonSQS.{action}");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"fauxqs SQS {action} failed: HTTP {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text);
    }

    private static string Element(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value
        ?? throw new InvalidOperationException($"fauxqs answered without {localName}: {document}");
}
