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
