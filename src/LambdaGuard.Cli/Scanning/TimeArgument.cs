using System.Globalization;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

/// <summary><c>--since</c>/<c>--until</c> values: an ISO 8601 time with a zone (or a date, taken as UTC
/// midnight), or an age such as <c>7d</c>, <c>12h</c>, <c>30m</c> counted back from <c>--as-of</c> or now.</summary>
public static class TimeArgument
{
    /// <summary>The longest age accepted: far beyond any CloudTrail retention, far short of overflowing.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(100 * 366);

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && char.IsAsciiDigit(trimmed[0]) && trimmed[^1] is 'd' or 'h' or 'm'
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var minutes = trimmed[^1] switch
            {
                'd' => amount * 1440L,
                'h' => amount * 60L,
                _ => amount,
            };

            // An age reaching before year 1 has no time to stand for: refused rather than overflowing.
            time = default;
            var age = TimeSpan.FromMinutes(Math.Min(minutes, MaxAge.TotalMinutes + 1));
            if (age > MaxAge || now.UtcTicks - DateTimeOffset.MinValue.UtcTicks < age.Ticks)
            {
                return false;
            }

            time = now - age;
            return true;
        }

        return SuppressionFile.TryParseTime(trimmed, out time);
    }
}
