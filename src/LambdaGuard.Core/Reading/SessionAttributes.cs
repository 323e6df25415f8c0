using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

public sealed class SessionAttributes
{
    [JsonPropertyName("mfaAuthenticated")]
    public bool? MfaAuthenticated { get; set; }

    [JsonPropertyName("creationDate")]
    public string? CreationDate { get; set; }
}
