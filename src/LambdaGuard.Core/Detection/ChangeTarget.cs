namespace LambdaGuard.Core.Detection;

/// <summary>What a change is aimed at, read from requestParameters (and responseElements where the request
/// does not say). Presence matters more than value: one record cannot tell old from new.</summary>
public sealed record ChangeTarget
{
    public static ChangeTarget None { get; } = new();

    /// <summary>Short function name (no ARN, no qualifier).</summary>
    public string? FunctionName { get; init; }

    public string? FunctionArn { get; init; }

    public string? Qualifier { get; init; }

    /// <summary>True when requestParameters carries a <c>layers</c> field (even empty).</summary>
    public bool LayersPresent { get; init; }

    public IReadOnlyList<string> Layers { get; init; } = [];

    public bool RolePresent { get; init; }

    public string? Role { get; init; }

    public string? GrantedPrincipal { get; init; }

    public string? SourceArn { get; init; }

    public string? SourceAccount { get; init; }

    public string? PrincipalOrgId { get; init; }

    /// <summary>AddPermission's FunctionUrlAuthType, or the function URL config's AuthType.</summary>
    public string? UrlAuthType { get; init; }

    public string? LayerName { get; init; }

    /// <summary>AddLayerVersionPermission's organizationId.</summary>
    public string? OrganizationId { get; init; }

    public string? UntrustedArtifactOnDeployment { get; init; }
}
