using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

public sealed class SessionIssuer
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("userName")]
    public string? UserName { get; set; }
}
