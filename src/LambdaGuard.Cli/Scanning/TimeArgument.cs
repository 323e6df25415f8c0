using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Scanning;

/// <summary><c>--since</c>/<c>--until</c> values: an ISO 8601 time with a zone (or a date, taken as UTC
/// midnight), or an age (<see cref="IsoTime.TryParseSpan"/>: <c>30m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>)
/// counted back from <c>--as-of</c> or now.</summary>
public static class TimeArgument
{
    public const string Expected = "use ISO 8601 with a zone (2026-11-20T10:00:00Z), a date (2026-11-20) or an age: " + IsoTime.SpanExpected;

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsoTime.TryParseSpan(text, out var age))
        {
            // An age reaching before year 1 has no time to stand for: refused rather than overflowing.
            time = default;
            if (now.UtcTicks - DateTimeOffset.MinValue.UtcTicks < age.Ticks)
            {
                return false;
            }

            time = now - age;
            return true;
        }

        return IsoTime.TryParse(text.Trim(), out time);
    }
}
