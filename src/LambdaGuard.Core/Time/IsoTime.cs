using System.Globalization;

namespace LambdaGuard.Core.Time;

/// <summary>The one ISO 8601 reader and writer for suppression times (<c>expiresAt</c>, <c>createdAt</c>), the
/// file, the table, the admin tool and <c>--as-of</c> (docs/suppressions.md "Times"). Accepted: a date-time
/// with seconds or minutes, optional fraction, and a zone (<c>Z</c> or <c>±hh:mm</c>); or a bare date, which
/// means 00:00:00Z of that day. Refused: a date-time without a zone, because an expiry that depends on the
/// reading machine's time zone would make a backtest and production disagree.</summary>
public static class IsoTime
{
    public const string Expected = "an ISO 8601 time with a zone such as 2027-01-31T00:00:00Z, or a bare date such as 2027-01-31 (00:00Z that day)";

    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd",
    ];

    /// <summary>Whole seconds, UTC: the form files, alerts and the table show.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>UTC with the fraction kept (trailing zeros dropped), for bookkeeping times that order events.</summary>
    public static string FormatPrecise(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>What <see cref="TryParseSpan"/> reads, for error messages.</summary>
    public const string SpanExpected = "a span such as 30m, 12h, 7d or 2w (at most 100 years)";

    /// <summary>The longest span accepted: far beyond any retention or expiry that makes sense, far short of
    /// overflowing a time.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(100 * 366);

    private const int MaxEventTimeLength = 64;

    /// <summary>A time written by AWS (CloudTrail <c>eventTime</c>, logged timestamps), read leniently: any form
    /// .NET reads with the invariant culture, UTC when no zone is given. Never for times people type: those go
    /// through <see cref="TryParse"/>, which refuses a time without a zone.</summary>
    public static bool TryParseEventTime(string? text, out DateTimeOffset time)
    {
        time = default;
        return !string.IsNullOrEmpty(text)
            && text.Length <= MaxEventTimeLength
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>The one span syntax of the CLI (<c>--since</c>/<c>--until</c> ages and <c>--expires-at</c>): a
    /// whole number followed by <c>m</c> (minutes), <c>h</c> (hours), <c>d</c> (days) or <c>w</c> (weeks), at
    /// most <see cref="MaxSpan"/>.</summary>
    public static bool TryParseSpan(string? text, out TimeSpan span)
    {
        span = default;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is < 2 or > 10
            || !long.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? minutesPerUnit = trimmed[^1] switch
        {
            'm' => 1,
            'h' => 60,
            'd' => 24 * 60,
            'w' => 7 * 24 * 60,
            _ => null,
        };
        if (minutesPerUnit is not { } perUnit || amount * perUnit > MaxSpan.TotalMinutes)
        {
            return false;
        }

        span = TimeSpan.FromMinutes(amount * perUnit);
        return true;
    }

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, ZonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
