using System.Text.Json;

namespace LambdaGuard.Core.Events;

/// <summary>What kind of call an API is (docs/detections.md §2).</summary>
public static class LambdaApiCatalog
{
    public const string EventSource = "lambda.amazonaws.com";

    /// <summary>The changes the spec names; any other api that is not read-only is a change too.</summary>
    public static IReadOnlySet<string> KnownChanges { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateFunction", "UpdateFunctionCode", "UpdateFunctionConfiguration", "DeleteFunction",
        "AddPermission", "RemovePermission", "CreateAlias", "UpdateAlias", "DeleteAlias", "PublishVersion",
        "CreateEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping",
        "CreateFunctionUrlConfig", "UpdateFunctionUrlConfig", "DeleteFunctionUrlConfig",
        "PublishLayerVersion", "DeleteLayerVersion", "AddLayerVersionPermission", "RemoveLayerVersionPermission",
        "PutFunctionConcurrency", "DeleteFunctionConcurrency",
        "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig",
        "PutProvisionedConcurrencyConfig", "DeleteProvisionedConcurrencyConfig",
        "PutFunctionCodeSigningConfig", "DeleteFunctionCodeSigningConfig",
        "CreateCodeSigningConfig", "UpdateCodeSigningConfig", "DeleteCodeSigningConfig",
        "PutRuntimeManagementConfig", "PutFunctionRecursionConfig", "TagResource", "UntagResource",
    };

    /// <summary>Data-plane calls (Invoke, InvokeAsync, InvokeWithResponseStream) never alert.</summary>
    public static bool IsDataEvent(string api, string? eventCategory) =>
        api.StartsWith("Invoke", StringComparison.Ordinal)
        || string.Equals(eventCategory, "Data", StringComparison.OrdinalIgnoreCase);

    public static bool IsReadOnly(string api, bool? readOnlyFlag) =>
        readOnlyFlag == true
        || api.StartsWith("Get", StringComparison.Ordinal)
        || api.StartsWith("List", StringComparison.Ordinal);

    public static bool IsKnownChange(string api) => KnownChanges.Contains(api);

    /// <summary>Control-plane reads and data-plane calls CloudTrail logs for Lambda, beside the known changes.</summary>
    public static IReadOnlySet<string> KnownOtherApis { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Invoke", "InvokeAsync", "InvokeWithResponseStream",
        "GetAccountSettings", "GetAlias", "GetCodeSigningConfig", "GetEventSourceMapping", "GetFunction",
        "GetFunctionCodeSigningConfig", "GetFunctionConcurrency", "GetFunctionConfiguration",
        "GetFunctionEventInvokeConfig", "GetFunctionRecursionConfig", "GetFunctionUrlConfig", "GetLayerVersion",
        "GetLayerVersionByArn", "GetLayerVersionPolicy", "GetPolicy", "GetProvisionedConcurrencyConfig",
        "GetRuntimeManagementConfig", "ListAliases", "ListCodeSigningConfigs", "ListEventSourceMappings",
        "ListFunctionEventInvokeConfigs", "ListFunctionUrlConfigs", "ListFunctions",
        "ListFunctionsByCodeSigningConfig", "ListLayerVersions", "ListLayers", "ListProvisionedConcurrencyConfigs",
        "ListTags", "ListVersionsByFunction",
    };

    public static bool IsKnownApi(string api) => KnownChanges.Contains(api) || KnownOtherApis.Contains(api);

    /// <summary><c>requestParameters.dryRun: true</c> (UpdateFunctionCode) validates and changes nothing.</summary>
    public static bool IsDryRun(JsonElement? requestParameters) =>
        requestParameters is { ValueKind: JsonValueKind.Object } request
        && request.TryGetProperty("dryRun", out var dryRun)
        && (dryRun.ValueKind == JsonValueKind.True
            || (dryRun.ValueKind == JsonValueKind.String && string.Equals(dryRun.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
}
