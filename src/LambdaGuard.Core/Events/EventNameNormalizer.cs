using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Events;

/// <summary>Strips the API-version suffix CloudTrail appends to most Lambda event names
/// (docs/detections.md §1), so rules compare exact API names and never prefixes.</summary>
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
            return FutureSuffix(eventName) ?? new EventName(eventName, eventName, null);
        }

        var version = match.Groups["version"];
        return new EventName(eventName, match.Groups["api"].Value, version.Success ? version.Value : null);
    }

    /// <summary>A suffix of another shape after a known api name (<c>UpdateFunctionCode2027</c>,
    /// <c>UpdateFunctionCode20150331V3</c>) is that api: no Lambda api name holds a digit, so this cannot
    /// over-match, and a future suffix never downgrades a rule to the catch-all. Anything else is kept whole
    /// and reported as an unknown change.</summary>
    private static EventName? FutureSuffix(string eventName)
    {
        var firstDigit = eventName.AsSpan().IndexOfAnyInRange('0', '9');
        if (firstDigit <= 0)
        {
            return null;
        }

        var api = eventName[..firstDigit];
        var suffix = eventName[firstDigit..];
        return LambdaApiCatalog.IsKnownApi(api) && FutureSuffixPattern().IsMatch(suffix)
            ? new EventName(eventName, api, suffix)
            : null;
    }

    [GeneratedRegex(@"^\d[0-9A-Za-z]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FutureSuffixPattern();

    [GeneratedRegex(@"^(?<api>[A-Za-z]+?)(?<version>\d{8}(v\d+)?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixPattern();
}
