using System.Text.Json.Serialization;

namespace LambdaGuard.Aws.DynamoDb.Streams;

/// <summary>One record of a DynamoDB stream batch as Lambda delivers it.</summary>
public sealed class StreamRecord
{
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    [JsonPropertyName("dynamodb")]
    public StreamRecordData? Dynamodb { get; set; }
}
