using System.Globalization;
using System.Text.RegularExpressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>--expires-at</c>: a time <see cref="IsoTime"/> reads, or a span from now: <c>30d</c>, <c>12h</c>,
/// <c>2w</c>.</summary>
public static partial class ExpiryParser
{
    public const string Expected = "give " + IsoTime.Expected + ", or a span from now such as 30d, 12h or 2w";

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success && int.TryParse(relative.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            var span = relative.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(count),
                "d" => TimeSpan.FromDays(count),
                _ => TimeSpan.FromDays(7.0 * count),
            };

            // Whole seconds: the stored form has no fractions, so what is shown is what is stored.
            var exact = now + span;
            expiresAt = new DateTimeOffset(exact.UtcTicks - (exact.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return true;
        }

        return IsoTime.TryParse(text, out expiresAt);
    }

    [GeneratedRegex(@"^([0-9]{1,5})([hdw])$")]
    private static partial Regex RelativePattern();
}
