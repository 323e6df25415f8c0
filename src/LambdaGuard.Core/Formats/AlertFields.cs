using System.Globalization;
using System.Text.Json;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Formats;

/// <summary>Reads a <c>lambdaguard.alert/v1</c> document (docs/interfaces.md). Every output format is derived
/// from that one document, so the channels cannot disagree about a finding.</summary>
internal static class AlertFields
{
    public static string? Text(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    public static bool Flag(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return false;
            }
        }

        return current.ValueKind == JsonValueKind.True;
    }

    public static IReadOnlyList<string> Texts(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    public static IEnumerable<JsonElement> Objects(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A timestamp as ISO 8601 UTC with milliseconds, or null when the logged value is not a time.</summary>
    public static DateTimeOffset? Time(string? value) =>
        IsoTime.TryParseEventTime(value, out var time)
            ? time
            : null;

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Cuts to a field's documented maximum, marking the cut so it is never taken for the whole value.</summary>
    public static string Cut(string value, int maxChars) =>
        value.Length <= maxChars ? value : string.Concat(value.AsSpan(0, char.IsHighSurrogate(value[maxChars - 2]) ? maxChars - 2 : maxChars - 1), "…");
}
