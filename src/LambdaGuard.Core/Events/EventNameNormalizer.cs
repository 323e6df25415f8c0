using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Events;

/// <summary>Strips the API-version suffix CloudTrail appends to most Lambda event names
/// (detections.md §1), so rules compare exact API names and never prefixes.</summary>
public static partial class EventNameNormalizer
{
    private const int MaxNameLength = 128;

    public static EventName Normalize(string? eventName)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            return new EventName(eventName ?? string.Empty, string.Empty, null);
        }

        // No Lambda api name comes near this length; a longer (hostile) name is kept whole, which also keeps
        // the lazy pattern's quadratic worst case and its timeout away.
        if (eventName.Length > MaxNameLength)
        {
            return new EventName(eventName, eventName, null);
        }

        var match = SuffixPattern().Match(eventName);
        if (!match.Success)
        {
            // Not a shape CloudTrail produces: keep it whole so it is still reported as an unknown change.
            return new EventName(eventName, eventName, null);
        }

        var version = match.Groups["version"];
        return new EventName(eventName, match.Groups["api"].Value, version.Success ? version.Value : null);
    }

    [GeneratedRegex(@"^(?<api>[A-Za-z]+?)(?<version>\d{8}(v\d+)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixPattern();
}
