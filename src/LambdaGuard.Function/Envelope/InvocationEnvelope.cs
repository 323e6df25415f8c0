using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaGuard.Aws.DynamoDb.Streams;

namespace LambdaGuard.Function.Envelope;

/// <summary>The union of the three inputs the function is wired to: an EventBridge event (CloudTrail API call
/// or the scheduled heartbeat) and a DynamoDB stream batch. Which fields are present says which it is.</summary>
internal sealed class InvocationEnvelope
{
    [JsonPropertyName("detail-type")]
    public string? DetailType { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    // Set by EventBridge from the sending account and region; a spoke heartbeat is attributed by these only.
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("time")]
    public string? Time { get; set; }

    // The rule ARNs of a scheduled event: which schedule fired.
    [JsonPropertyName("resources")]
    public List<string?>? Resources { get; set; }

    [JsonPropertyName("detail")]
    public JsonElement? Detail { get; set; }

    [JsonPropertyName("Records")]
    public List<StreamRecord?>? Records { get; set; }
}
