namespace LambdaGuard.Core.Detection;

public static class TextBounds
{
    /// <summary>Cuts a value logged by the caller (function names are attacker-chosen) and says how much
    /// was cut, so a truncated value is never mistaken for the whole one.</summary>
    public static string Cut(string value, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= maxChars)
        {
            return value;
        }

        var keep = Math.Max(0, maxChars);
        if (keep > 0 && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        return string.Concat(value.AsSpan(0, keep), $"…[+{value.Length - keep} chars]");
    }
}
