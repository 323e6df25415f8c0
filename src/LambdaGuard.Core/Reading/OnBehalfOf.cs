using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

/// <summary>The IAM Identity Center user behind an <c>IdentityCenterUser</c> identity.</summary>
public sealed class OnBehalfOf
{
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("identityStoreArn")]
    public string? IdentityStoreArn { get; set; }
}
