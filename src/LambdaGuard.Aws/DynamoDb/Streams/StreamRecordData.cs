using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaGuard.Aws.DynamoDb.Streams;

/// <summary>The <c>dynamodb</c> part of a stream record; images stay DynamoDB JSON for the Aws mapper.</summary>
public sealed class StreamRecordData
{
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double? ApproximateCreationDateTime { get; set; }

    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; set; }

    [JsonPropertyName("Keys")]
    public JsonElement? Keys { get; set; }

    [JsonPropertyName("NewImage")]
    public JsonElement? NewImage { get; set; }

    [JsonPropertyName("OldImage")]
    public JsonElement? OldImage { get; set; }
}
