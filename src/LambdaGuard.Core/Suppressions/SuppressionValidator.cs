using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LambdaGuard.Core.Matching;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Suppressions;

/// <summary>The one validator (docs/detections.md §5) for the file, the table, the function and the admin tool.
/// <see cref="ValidateForUse"/>: an entry with any problem never suppresses anything, wherever it was read;
/// <see cref="ValidateForWrite"/> adds what an admin must get right before an entry is stored.</summary>
public static partial class SuppressionValidator
{
    public const int DefaultMaxExpiryDays = 365;

    // Entries are immutable, so a verdict per instance holds; the matcher asks once per finding and entry.
    private static readonly ConditionalWeakTable<SuppressionEntry, SuppressionValidation> UseVerdicts = [];

    public static IReadOnlyList<string> SuppressibleRuleIds { get; } =
        RuleCatalog.All.Where(r => r.Suppressible).Select(r => r.Id).ToList();

    /// <summary>Every selector the entry has is universal (<see cref="Glob.IsUniversal"/>).</summary>
    public static bool IsBroad(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var present = SuppressionSelectors.All.Select(s => s.Get(entry)).Where(v => v is not null).ToList();
        return present.Count > 0 && present.All(v => Glob.IsUniversal(v!));
    }

    /// <summary>Anchored: partition, service, the account digits, the resource type and the first character
    /// of the name are literal, so a wildcard can only extend a name (<c>arn:aws:iam::123456789012:role/Deploy*</c>),
    /// never stand before it (<c>role/*DeployRole</c> also takes <c>role/NotADeployRole</c>). A lone universal
    /// glob says "anyone" on purpose and is not warned about.</summary>
    public static bool IsAnchoredPrincipal(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Glob.IsUniversal(principal) || AnchoredPrincipal().IsMatch(principal);
    }

    public static SuppressionValidation ValidateForUse(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UseVerdicts.GetValue(entry, Judge);
    }

    /// <summary>Everything an admin must get right before an entry is stored.</summary>
    public static SuppressionValidation ValidateForWrite(SuppressionEntry entry, DateTimeOffset now, int maxExpiryDays = DefaultMaxExpiryDays)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var use = ValidateForUse(entry);
        var problems = new List<SuppressionProblem>(use.Problems);

        if (string.IsNullOrWhiteSpace(entry.Id) || !IdPattern().IsMatch(entry.Id))
        {
            problems.Add(new SuppressionProblem("id", $"'{entry.Id}' is not a valid id", "use 1-128 letters, digits, '.', '_' or '-'"));
        }

        if (entry.Reason.Length > 1024 || entry.Reason.Any(char.IsControl))
        {
            problems.Add(new SuppressionProblem("reason", "reason is longer than 1024 characters or holds control characters", "shorten it to one line of plain text"));
        }

        if (entry.ExpiresAt is { } expiresAt)
        {
            if (expiresAt <= now)
            {
                problems.Add(new SuppressionProblem("expiresAt", $"{IsoTime.Format(expiresAt)} is in the past", "give a future time"));
            }
            else if (expiresAt > now.AddDays(maxExpiryDays))
            {
                problems.Add(new SuppressionProblem("expiresAt", $"{IsoTime.Format(expiresAt)} is more than {maxExpiryDays} days ahead", $"choose an expiry before {now.AddDays(maxExpiryDays):yyyy-MM-dd} and renew it when it runs out"));
            }
        }

        foreach (var selector in SuppressionSelectors.All)
        {
            if (selector.Get(entry) is { Length: > 0 } value && !use.Problems.Any(p => p.Field == selector.Name) && (value.Length > 512 || !selector.Syntax.IsMatch(value)))
            {
                problems.Add(new SuppressionProblem(selector.Name, $"'{value}' is not a valid {selector.Name} glob", $"use {selector.Example}"));
            }
        }

        return new SuppressionValidation(problems, use.IsBroad, use.Warnings);
    }

    private static SuppressionValidation Judge(SuppressionEntry entry)
    {
        var problems = new List<SuppressionProblem>(entry.ReadProblems);
        bool Reported(string field) => problems.Any(p => p.Field == field);

        if (string.IsNullOrWhiteSpace(entry.Reason) && !Reported("reason"))
        {
            problems.Add(new SuppressionProblem("reason", "missing or empty", "say why these findings are expected, e.g. a ticket reference"));
        }

        if (entry.ExpiresAt is null && !Reported("expiresAt"))
        {
            problems.Add(new SuppressionProblem("expiresAt", "missing or unreadable", "give " + IsoTime.Expected));
        }

        var present = SuppressionSelectors.All.Where(s => s.Get(entry) is not null).ToList();
        if (present.Count == 0 && !SuppressionSelectors.Names.Any(Reported))
        {
            problems.Add(new SuppressionProblem("entry", "has no selector field", $"set at least one of {string.Join(", ", SuppressionSelectors.Names)}"));
        }

        foreach (var selector in present.Where(s => s.Get(entry)!.Length == 0))
        {
            problems.Add(new SuppressionProblem(selector.Name, "is an empty string", $"give a glob, or leave {selector.Name} out"));
        }

        if (entry.RuleId is { Length: > 0 } rule && !SuppressibleRuleIds.Any(id => Glob.IsMatch(rule, id)))
        {
            var unsuppressible = RuleCatalog.All.Where(r => !r.Suppressible && Glob.IsMatch(rule, r.Id)).Select(r => r.Id).ToList();
            problems.Add(unsuppressible.Count > 0
                ? new SuppressionProblem(SuppressionSelectors.RuleId.Name, $"'{rule}' matches only {string.Join(", ", unsuppressible)}, which are never suppressible", "remove the entry or name the rule it is meant for")
                : new SuppressionProblem(SuppressionSelectors.RuleId.Name, $"'{rule}' matches no rule", $"name a suppressible rule: {string.Join(", ", SuppressibleRuleIds)}"));
        }

        var warnings = new List<SuppressionProblem>();
        if (entry.Principal is { Length: > 0 } principal && !IsAnchoredPrincipal(principal))
        {
            warnings.Add(new SuppressionProblem(
                SuppressionSelectors.Principal.Name,
                $"'{principal}' is not anchored: it also matches identities of other accounts and other names ending the same way",
                "fix the account and start the name after the resource type, e.g. arn:aws:iam::123456789012:role/DeployRole"));
        }

        return new SuppressionValidation(problems, IsBroad(entry), warnings);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^arn:[a-z-]+:(iam|sts)::[0-9]{12}:(root|[a-z-]+/[^*?].*)$")]
    private static partial Regex AnchoredPrincipal();
}
