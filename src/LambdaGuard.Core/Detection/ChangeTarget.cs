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

    /// <summary>AddPermission's <c>invokedViaFunctionUrl</c>: the grant holds only for calls through the URL.</summary>
    public bool InvokedViaFunctionUrl { get; init; }

    /// <summary>A container image (CreateFunction code.imageUri, UpdateFunctionCode imageUri).</summary>
    public string? ImageUri { get; init; }

    /// <summary>The S3 bucket the code came from. Recorded, not judged: a bucket name says nothing of its owner.</summary>
    public string? CodeS3Bucket { get; init; }

    /// <summary>Async destinations and the dead-letter target set by this call.</summary>
    public IReadOnlyList<Destination> Destinations { get; init; } = [];

    /// <summary>The queue or stream an event source mapping reads from.</summary>
    public string? EventSourceArn { get; init; }

    /// <summary>PutFunctionConcurrency's reservedConcurrentExecutions, as logged.</summary>
    public string? ReservedConcurrency { get; init; }
}
