using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Suppressions;

/// <summary>What makes an entry usable (<see cref="ValidateForUse"/>, applied to every source) and what an
/// admin may write (<see cref="ValidateForWrite"/>, stricter: the CLI refuses to store sloppy entries).</summary>
public static partial class SuppressionValidator
{
    public const int DefaultMaxExpiryDays = 365;

    private static readonly string[] SelectorFields = ["principal", "function", "api", "ruleId", "account", "region"];

    public static IReadOnlyList<string?> Selectors(SuppressionEntry entry) =>
        [entry.Principal, entry.Function, entry.Api, entry.RuleId, entry.Account, entry.Region];

    public static bool IsBroad(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var present = Selectors(entry).Where(s => s is not null).ToList();
        return present.Count > 0 && present.All(s => Matching.Glob.MatchesEverything(s!));
    }

    /// <summary>Problems that make the matcher ignore the entry (reported as warnings by readers).</summary>
    public static SuppressionValidation ValidateForUse(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<SuppressionProblem>();
        if (Selectors(entry).All(s => s is null))
        {
            problems.Add(new SuppressionProblem("entry", $"entry '{entry.Id}' has no selector field", $"set at least one of {string.Join(", ", SelectorFields)}"));
        }

        if (entry.ExpiresAt is null)
        {
            problems.Add(new SuppressionProblem("expiresAt", $"entry '{entry.Id}' has no valid expiresAt", "give an ISO 8601 UTC time such as 2027-01-31T00:00:00Z"));
        }

        return new SuppressionValidation(problems, IsBroad(entry));
    }

    /// <summary>Everything an admin must get right before an entry is stored.</summary>
    public static SuppressionValidation ValidateForWrite(SuppressionEntry entry, DateTimeOffset now, int maxExpiryDays = DefaultMaxExpiryDays)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<SuppressionProblem>(ValidateForUse(entry).Problems);

        if (string.IsNullOrWhiteSpace(entry.Id) || !IdPattern().IsMatch(entry.Id))
        {
            problems.Add(new SuppressionProblem("id", $"'{entry.Id}' is not a valid id", "use 1-128 letters, digits, '.', '_' or '-'"));
        }

        if (string.IsNullOrWhiteSpace(entry.Reason))
        {
            problems.Add(new SuppressionProblem("reason", "reason is empty", "say why these findings are expected, e.g. a ticket reference"));
        }
        else if (entry.Reason.Length > 1024 || entry.Reason.Any(char.IsControl))
        {
            problems.Add(new SuppressionProblem("reason", "reason is longer than 1024 characters or holds control characters", "shorten it to one line of plain text"));
        }

        if (entry.ExpiresAt is { } expiresAt)
        {
            if (expiresAt <= now)
            {
                problems.Add(new SuppressionProblem("expiresAt", $"{expiresAt:yyyy-MM-ddTHH:mm:ssZ} is in the past", "give a future time"));
            }
            else if (expiresAt > now.AddDays(maxExpiryDays))
            {
                problems.Add(new SuppressionProblem("expiresAt", $"{expiresAt:yyyy-MM-ddTHH:mm:ssZ} is more than {maxExpiryDays} days ahead", $"choose an expiry before {now.AddDays(maxExpiryDays):yyyy-MM-dd} and renew it when it runs out"));
            }
        }

        CheckGlob(problems, "principal", entry.Principal, PrincipalPattern(), "an IAM ARN glob such as arn:aws:iam::123456789012:role/DeployRole or *DeployRole");
        CheckGlob(problems, "function", entry.Function, FunctionPattern(), "a function-name glob of letters, digits, '-', '_', '*', '?'");
        CheckGlob(problems, "api", entry.Api, ApiPattern(), "an API name glob without version suffix, e.g. UpdateFunctionCode or Delete*");
        CheckGlob(problems, "ruleId", entry.RuleId, RuleIdPattern(), "a rule id glob such as LG001 or LG00?");
        CheckGlob(problems, "account", entry.Account, AccountPattern(), "a 12-digit account id glob such as 123456789012 or 1234*");
        CheckGlob(problems, "region", entry.Region, RegionPattern(), "a region glob such as eu-west-1 or us-*");

        if (entry.RuleId is { } rule && (Matching.Glob.IsMatch(rule, "LG010") || Matching.Glob.IsMatch(rule, "LG011")) && !Matching.Glob.MatchesEverything(rule))
        {
            problems.Add(new SuppressionProblem("ruleId", $"'{rule}' targets LG010/LG011, which are never suppressible", "remove the entry or target other rules"));
        }

        return new SuppressionValidation(problems, IsBroad(entry));
    }

    private static void CheckGlob(List<SuppressionProblem> problems, string field, string? value, Regex pattern, string expected)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0 || value.Length > 512 || !pattern.IsMatch(value))
        {
            problems.Add(new SuppressionProblem(field, $"'{value}' is not a valid {field} glob", $"use {expected}"));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(\*|arn:[a-z*?-]+:(iam|sts|\*)::[0-9*?]*:[A-Za-z0-9+=,.@_/*?-]+|\*[A-Za-z0-9+=,.@_/:*?-]+)$")]
    private static partial Regex PrincipalPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_*?-]{1,170}$")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"^[A-Za-z*?]{1,128}$")]
    private static partial Regex ApiPattern();

    [GeneratedRegex(@"^[A-Z0-9*?]{1,16}$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^[0-9*?]{1,12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z0-9*?-]{1,32}$")]
    private static partial Regex RegionPattern();
}
