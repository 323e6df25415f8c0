namespace LambdaGuard.Core.Matching;

/// <summary>Whole-string, case-sensitive wildcard match with <c>*</c> (any run) and <c>?</c> (one char).
/// Iterative with single backtracking, so a hostile pattern or subject cannot make it exponential.</summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string? text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (text is null)
        {
            return false;
        }

        int p = 0, t = 0, starP = -1, starT = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public static bool IsMatchAny(IEnumerable<string> patterns, string? text) =>
        text is not null && patterns.Any(pattern => IsMatch(pattern, text));

    /// <summary>Only wildcards, at least one <c>*</c> (<c>*</c>, <c>**?</c>, <c>*?</c>): matches every value
    /// at least as long as its <c>?</c> count, which is every real principal, function, api, rule, account
    /// and region, so it is as broad as <c>*</c>.</summary>
    public static bool IsUniversal(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Contains('*', StringComparison.Ordinal) && pattern.All(c => c is '*' or '?');
    }
}
