using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Events;

/// <summary>Strips the API-version suffix CloudTrail appends to most Lambda event names
/// (detections.md §1), so rules compare exact API names and never prefixes.</summary>
public static partial class EventNameNormalizer
{
    public static EventName Normalize(string? eventName)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            return new EventName(eventName ?? string.Empty, string.Empty, null);
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
