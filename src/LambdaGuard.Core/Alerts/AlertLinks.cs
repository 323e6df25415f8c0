using System.Text.Json;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Alerts;

/// <summary>Where an analyst goes next. Every URL is either built from escaped parts or, for the function URL
/// taken from the event, accepted only in the exact shape Lambda gives it, so a hostile record cannot plant a
/// link to another site.</summary>
/// <param name="CodeSha256">The deployment package hash from <c>responseElements.codeSha256</c>, which the
/// runbook compares with the pipeline's artifact.</param>
public sealed record AlertLinks(string? CloudTrailEvent, string? FunctionConsole, string? FunctionUrl, string? CodeSha256)
{
    public static AlertLinks For(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var region = finding.Record.AwsRegion;
        var response = finding.Record.ResponseElements;
        return new AlertLinks(
            finding.ConsoleLink,
            FunctionConsoleLink(region, finding.Target.FunctionName),
            FunctionUrlOf(response, region),
            CodeSha256Of(response));
    }

    public static string? FunctionConsoleLink(string? region, string? functionName) =>
        region is null || !IsRegionName(region) || string.IsNullOrEmpty(functionName) || functionName.Length > 170
            ? null
            : $"https://{region}.console.aws.amazon.com/lambda/home?region={region}#/functions/{Uri.EscapeDataString(SafeText.WellFormed(functionName))}";

    private static string? FunctionUrlOf(JsonElement? response, string? region)
    {
        if (StringProperty(response, "functionUrl") is not { Length: > 0 and <= 256 } url
            || region is null
            || !url.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or ':')
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !uri.IsDefaultPort
            || !uri.Host.EndsWith($".lambda-url.{region}.on.aws", StringComparison.Ordinal))
        {
            return null;
        }

        return url;
    }

    private static string? CodeSha256Of(JsonElement? response)
    {
        var value = StringProperty(response, "codeSha256");
        Span<byte> hash = stackalloc byte[33];
        return value is { Length: 44 } && Convert.TryFromBase64String(value, hash, out var written) && written == 32 ? value : null;
    }

    private static string? StringProperty(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    private static bool IsRegionName(string region) =>
        region.Length is > 0 and <= 32 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
