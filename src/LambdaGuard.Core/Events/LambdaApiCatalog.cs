namespace LambdaGuard.Core.Events;

/// <summary>What kind of call an API is (detections.md §2).</summary>
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
}
