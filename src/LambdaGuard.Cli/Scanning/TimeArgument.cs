using System.Globalization;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

/// <summary><c>--since</c>/<c>--until</c> values: an ISO 8601 time with a zone (or a date, taken as UTC
/// midnight), or an age such as <c>7d</c>, <c>12h</c>, <c>30m</c> counted back from <c>--as-of</c> or now.</summary>
public static class TimeArgument
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && char.IsAsciiDigit(trimmed[0]) && trimmed[^1] is 'd' or 'h' or 'm'
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var age = trimmed[^1] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
            time = now - age;
            return true;
        }

        return SuppressionFile.TryParseTime(trimmed, out time);
    }
}
