using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

public sealed class SessionContext
{
    [JsonPropertyName("sessionIssuer")]
    [JsonConverter(typeof(LenientObjectConverter<SessionIssuer>))]
    public SessionIssuer? SessionIssuer { get; set; }

    [JsonPropertyName("attributes")]
    [JsonConverter(typeof(LenientObjectConverter<SessionAttributes>))]
    public SessionAttributes? Attributes { get; set; }

    [JsonPropertyName("sourceIdentity")]
    public string? SourceIdentity { get; set; }
}
