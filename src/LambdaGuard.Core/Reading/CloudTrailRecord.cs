using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

/// <summary>A CloudTrail record as real logs hold it: every field optional, unknown fields ignored, and
/// the lenient converters in <see cref="CloudTrailJsonContext"/> turn wrong-typed values into null or text
/// instead of failing the record.</summary>
public sealed class CloudTrailRecord
{
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("eventTime")]
    public string? EventTime { get; set; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    [JsonPropertyName("eventCategory")]
    public string? EventCategory { get; set; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIpAddress { get; set; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("requestID")]
    public string? RequestId { get; set; }

    [JsonPropertyName("recipientAccountId")]
    public string? RecipientAccountId { get; set; }

    [JsonPropertyName("readOnly")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("sessionCredentialFromConsole")]
    public bool? SessionCredentialFromConsole { get; set; }

    [JsonPropertyName("userIdentity")]
    [JsonConverter(typeof(LenientObjectConverter<UserIdentity>))]
    public UserIdentity? UserIdentity { get; set; }

    [JsonPropertyName("requestParameters")]
    public JsonElement? RequestParameters { get; set; }

    [JsonPropertyName("responseElements")]
    public JsonElement? ResponseElements { get; set; }

    [JsonPropertyName("additionalEventData")]
    public JsonElement? AdditionalEventData { get; set; }

    /// <summary>The record's own bytes, kept so an alert id can hash the whole record when CloudTrail gave
    /// it no eventID.</summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> Raw { get; set; }

    /// <summary>Some string of the record was not decodable text (invalid UTF-8, a lone surrogate escape)
    /// and was read with U+FFFD in its place.</summary>
    [JsonIgnore]
    public bool HasReplacedText { get; set; }
}
