using System.Text.Json;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Detection;

/// <summary>Reads <see cref="ChangeTarget"/> from a record. Field names follow the Lambda API as CloudTrail
/// logs it; a value of the wrong JSON type is treated as absent, never as an error.</summary>
public static class ChangeTargetReader
{
    public static ChangeTarget Read(CloudTrailRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = AsObject(record.RequestParameters);
        var response = AsObject(record.ResponseElements);

        var functionRef = Text(request, "functionName") ?? Text(request, "resource") ?? Text(response, "functionArn") ?? Text(response, "functionName");
        var (name, arn, qualifier) = SplitFunctionReference(functionRef);
        qualifier ??= Text(request, "qualifier");

        var layersPresent = request is { } r && r.TryGetProperty("layers", out _);
        var code = Child(request, "code");
        var policies = request is { } rp && rp.TryGetProperty("codeSigningPolicies", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;

        return new ChangeTarget
        {
            FunctionName = name,
            FunctionArn = arn,
            Qualifier = qualifier,
            LayersPresent = layersPresent,
            Layers = Layers(request),
            RolePresent = request is { } rr && rr.TryGetProperty("role", out _),
            Role = Text(request, "role"),
            GrantedPrincipal = Text(request, "principal"),
            SourceArn = Text(request, "sourceArn"),
            SourceAccount = Text(request, "sourceAccount"),
            PrincipalOrgId = Text(request, "principalOrgID") ?? Text(request, "principalOrgId"),
            UrlAuthType = Text(request, "functionUrlAuthType") ?? Text(request, "authType") ?? Text(response, "authType"),
            LayerName = Text(request, "layerName"),
            OrganizationId = Text(request, "organizationId"),
            UntrustedArtifactOnDeployment = Text(policies, "untrustedArtifactOnDeployment"),
            InvokedViaFunctionUrl = string.Equals(Text(request, "invokedViaFunctionUrl"), "true", StringComparison.OrdinalIgnoreCase),
            ImageUri = Text(code, "imageUri") ?? Text(request, "imageUri"),
            CodeS3Bucket = Text(code, "s3Bucket") ?? Text(request, "s3Bucket"),
            Destinations = Destinations(request),
            EventSourceArn = Text(request, "eventSourceArn") ?? Text(response, "eventSourceArn"),
            ReservedConcurrency = Text(request, "reservedConcurrentExecutions"),
        };
    }

    /// <summary>The account field of an ARN (<c>arn:partition:service:region:ACCOUNT:resource</c>); empty for
    /// services whose ARNs carry no account (S3), null when the text is not an ARN.</summary>
    public static string? ArnAccount(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? parts[4] : null;
    }

    /// <summary>The registry account of an ECR image URI (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/repo</c>,
    /// any partition), or null when the URI is not an ECR private registry.</summary>
    public static string? ImageAccount(string imageUri)
    {
        ArgumentNullException.ThrowIfNull(imageUri);
        var slash = imageUri.IndexOf('/', StringComparison.Ordinal);
        var host = slash >= 0 ? imageUri[..slash] : imageUri;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !host[dot..].StartsWith(".dkr.ecr", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return host[..dot];
    }

    private static IReadOnlyList<Destination> Destinations(JsonElement? request)
    {
        var result = new List<Destination>();
        var config = Child(request, "destinationConfig");
        foreach (var kind in (string[])["onSuccess", "onFailure"])
        {
            if (Text(Child(config, kind), "destination") is { Length: > 0 } arn)
            {
                result.Add(new Destination(kind, arn));
            }
        }

        if (Text(Child(request, "deadLetterConfig"), "targetArn") is { Length: > 0 } deadLetter)
        {
            result.Add(new Destination("deadLetter", deadLetter));
        }

        return result;
    }

    private static JsonElement? Child(JsonElement? element, string property) =>
        element is { } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>Accepts a name, <c>name:qualifier</c>, a partial ARN <c>123:function:name</c> or a full ARN.</summary>
    public static (string? Name, string? Arn, string? Qualifier) SplitFunctionReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return (null, null, null);
        }

        var parts = reference.Split(':');
        var functionIndex = Array.IndexOf(parts, "function");
        if (functionIndex >= 0 && functionIndex + 1 < parts.Length)
        {
            var name = parts[functionIndex + 1];
            var qualifier = functionIndex + 2 < parts.Length ? parts[functionIndex + 2] : null;
            var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : null;
            return (name, arn, qualifier);
        }

        return parts.Length == 2 ? (parts[0], null, parts[1]) : (reference, null, null);
    }

    /// <summary>arn:aws:lambda:region:ACCOUNT:layer:name:version → ACCOUNT.</summary>
    public static string? LayerAccount(string layerArn)
    {
        var parts = layerArn.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" && parts[5] == "layer" ? parts[4] : null;
    }

    private static IReadOnlyList<string> Layers(JsonElement? request)
    {
        if (request is not { } r || !r.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var layer in layers.EnumerateArray())
        {
            var arn = layer.ValueKind switch
            {
                JsonValueKind.String => layer.GetString(),
                JsonValueKind.Object => Text(layer, "arn"),
                _ => null,
            };
            if (!string.IsNullOrEmpty(arn))
            {
                result.Add(arn);
            }
        }

        return result;
    }

    private static JsonElement? AsObject(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value : null;

    private static string? Text(JsonElement? element, string property) =>
        element is { } e && e.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}
