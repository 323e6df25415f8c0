using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Matching;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Suppressions;

/// <summary>Decides whether a finding is silenced (docs/detections.md §5). Expiry is judged against the time
/// passed in (the clock in the function, <c>--as-of</c> in backtests), never against whether the store
/// has deleted the entry yet.</summary>
public static class SuppressionMatcher
{
    public static SuppressionEntry? FindMatch(Finding finding, IEnumerable<SuppressionEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(entries);
        if (!finding.Rule.Suppressible)
        {
            return null;
        }

        return entries.FirstOrDefault(entry => Explain(entry, finding, now).Suppresses);
    }

    /// <summary>Field by field, for <c>lambdaguard suppressions explain</c> and the tests.</summary>
    public static SuppressionExplanation Explain(SuppressionEntry entry, Finding finding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(finding);
        var checks = new List<SelectorCheck>();
        foreach (var selector in SuppressionSelectors.All)
        {
            if (selector.Get(entry) is not { } pattern)
            {
                continue;
            }

            // A field the record does not carry (no function name on a layer change) is the empty string: `*`
            // still matches it, so a broad entry silences every suppressible finding, as audits say it does.
            var value = selector.FindingValue(finding);
            checks.Add(new SelectorCheck(selector.Name, pattern, value, Glob.IsMatch(pattern, value ?? string.Empty)));
        }

        var validation = SuppressionValidator.ValidateForUse(entry);
        string? blocker = null;
        if (!finding.Rule.Suppressible)
        {
            blocker = $"{finding.RuleId} is never suppressible";
        }
        else if (!validation.IsValid)
        {
            blocker = "entry is invalid and ignored: " + string.Join("; ", validation.Problems.Select(p => $"{p.Field} {p.Message}"));
        }
        else if (entry.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            blocker = $"entry expired at {IsoTime.Format(expiresAt)}";
        }
        else if (finding.Severity == Severity.Critical && !PinsExactly(entry, finding))
        {
            blocker = $"the finding is Critical: only an entry whose ruleId is exactly {finding.RuleId} and whose function is exactly the function's name (no wildcard) silences it";
        }

        var allMatch = checks.Count > 0 && checks.All(c => c.Matched);
        return new SuppressionExplanation(entry, checks, blocker, allMatch && blocker is null);
    }

    /// <summary>A loose entry written for routine changes must never hide a public URL or a `*` grant.</summary>
    private static bool PinsExactly(SuppressionEntry entry, Finding finding) =>
        entry.RuleId is { } rule && IsLiteral(rule) && rule == finding.RuleId
        && entry.Function is { } function && IsLiteral(function) && function == finding.Target.FunctionName;

    private static bool IsLiteral(string pattern) => pattern.Length > 0 && pattern.IndexOfAny(['*', '?']) < 0;
}
