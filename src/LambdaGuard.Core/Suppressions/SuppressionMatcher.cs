using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Matching;

namespace LambdaGuard.Core.Suppressions;

/// <summary>Decides whether a finding is silenced (detections.md §5). Expiry is judged against the time
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
        Check(checks, "principal", entry.Principal, finding.Actor.Principal);
        Check(checks, "function", entry.Function, finding.Target.FunctionName);
        Check(checks, "api", entry.Api, finding.Api);
        Check(checks, "ruleId", entry.RuleId, finding.RuleId);
        Check(checks, "account", entry.Account, finding.Record.RecipientAccountId);
        Check(checks, "region", entry.Region, finding.Record.AwsRegion);

        string? blocker = null;
        if (!finding.Rule.Suppressible)
        {
            blocker = $"{finding.RuleId} is never suppressible";
        }
        else if (checks.Count == 0)
        {
            blocker = "entry has no selector field (principal, function, api, ruleId, account, region) and is ignored";
        }
        else if (entry.ExpiresAt is not { } expiresAt)
        {
            blocker = "entry has no valid expiresAt and is ignored";
        }
        else if (expiresAt <= now)
        {
            blocker = $"entry expired at {expiresAt:yyyy-MM-ddTHH:mm:ssZ}";
        }

        var allMatch = checks.Count > 0 && checks.All(c => c.Matched);
        return new SuppressionExplanation(entry, checks, blocker, allMatch && blocker is null);
    }

    private static void Check(List<SelectorCheck> checks, string field, string? pattern, string? value)
    {
        if (pattern is null)
        {
            return;
        }

        // A field the record does not carry (no function name on a layer change) is the empty string: `*`
        // still matches it, so a broad entry silences every suppressible finding, as audits say it does.
        checks.Add(new SelectorCheck(field, pattern, value, Glob.IsMatch(pattern, value ?? string.Empty)));
    }
}
