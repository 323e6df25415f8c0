using System.Text.Json.Serialization;

namespace LambdaGuard.Function.Envelope;

/// <summary>The partial-batch response of an event source mapping with ReportBatchItemFailures: Lambda
/// retries the stream from the lowest sequence number listed.</summary>
internal sealed class BatchItemFailuresResponse
{
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}
