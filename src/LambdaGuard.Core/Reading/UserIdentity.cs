using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

public sealed class UserIdentity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    [JsonPropertyName("invokedBy")]
    public string? InvokedBy { get; set; }

    [JsonPropertyName("sessionContext")]
    [JsonConverter(typeof(LenientObjectConverter<SessionContext>))]
    public SessionContext? SessionContext { get; set; }

    [JsonPropertyName("onBehalfOf")]
    [JsonConverter(typeof(LenientObjectConverter<OnBehalfOf>))]
    public OnBehalfOf? OnBehalfOf { get; set; }
}
