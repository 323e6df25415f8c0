using System.Text.Json.Serialization;

namespace LambdaGuard.Function.Envelope;

internal sealed class BatchItemFailure
{
    [JsonPropertyName("itemIdentifier")]
    public required string ItemIdentifier { get; set; }
}
