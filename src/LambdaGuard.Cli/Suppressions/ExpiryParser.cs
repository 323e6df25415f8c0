using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>--expires-at</c>: a time <see cref="IsoTime"/> reads, or a span from now
/// (<see cref="IsoTime.TryParseSpan"/>: <c>30m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>).</summary>
public static class ExpiryParser
{
    public const string Expected = "give " + IsoTime.Expected + ", or " + IsoTime.SpanExpected + " from now";

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsoTime.TryParseSpan(text, out var span))
        {
            // Whole seconds: the stored form has no fractions, so what is shown is what is stored.
            var exact = now + span;
            expiresAt = new DateTimeOffset(exact.UtcTicks - (exact.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return true;
        }

        return IsoTime.TryParse(text, out expiresAt);
    }
}
