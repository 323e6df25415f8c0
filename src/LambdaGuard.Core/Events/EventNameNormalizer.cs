namespace LambdaGuard.Core.Events;

/// <summary>Strips the API-version suffix CloudTrail appends to most Lambda event names
/// (docs/detections.md §1), so rules compare exact API names and never prefixes.</summary>
/// <remarks>Parsed by hand rather than with a regex: a regex match timeout can trip under GC pressure and
/// would abort detection of a whole file; this parse is one linear pass and cannot throw.</remarks>
public static class EventNameNormalizer
{
    private const int DateLength = 8;

    public static EventName Normalize(string? eventName)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            return new EventName(eventName ?? string.Empty, string.Empty, null);
        }

        var apiLength = LeadingLetters(eventName);
        if (apiLength == eventName.Length)
        {
            return new EventName(eventName, eventName, null);
        }

        if (apiLength > 0 && IsDatedVersion(eventName.AsSpan(apiLength)))
        {
            return new EventName(eventName, eventName[..apiLength], eventName[apiLength..]);
        }

        return FutureSuffix(eventName) ?? new EventName(eventName, eventName, null);
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
        var suffix = eventName.AsSpan(firstDigit);
        return LambdaApiCatalog.IsKnownApi(api) && IsLettersAndDigits(suffix)
            ? new EventName(eventName, api, suffix.ToString())
            : null;
    }

    private static int LeadingLetters(string value)
    {
        var index = 0;
        while (index < value.Length && char.IsAsciiLetter(value[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The documented shape: eight digits, optionally followed by <c>v</c> and a version number
    /// (<c>20150331</c>, <c>20150331v2</c>).</summary>
    private static bool IsDatedVersion(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length < DateLength || !AllDigits(suffix[..DateLength]))
        {
            return false;
        }

        var rest = suffix[DateLength..];
        return rest.IsEmpty || (rest.Length > 1 && rest[0] == 'v' && AllDigits(rest[1..]));
    }

    private static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var character in value)
        {
            if (!char.IsDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLettersAndDigits(ReadOnlySpan<char> value)
    {
        foreach (var character in value)
        {
            if (!char.IsDigit(character) && !char.IsAsciiLetter(character))
            {
                return false;
            }
        }

        return true;
    }
}
