using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Suppressions;

/// <summary>The six selectors (docs/detections.md §5), in the order files, tables, alerts and help list them.
/// Every place that handles selectors iterates this table, so a selector is added or changed here only.</summary>
public static partial class SuppressionSelectors
{
    public static SuppressionSelector Principal { get; } = new(
        "principal",
        "--principal",
        "Glob on the actor principal ARN (IAM user, or the role of a session); anchor it: arn:aws:iam::123456789012:role/DeployRole",
        e => e.Principal,
        (e, v) => e with { Principal = v },
        f => f.Actor.Principal,
        PrincipalSyntax(),
        "an IAM ARN glob such as arn:aws:iam::123456789012:role/DeployRole");

    public static SuppressionSelector Function { get; } = new(
        "function",
        "--function",
        "Glob on the target function name",
        e => e.Function,
        (e, v) => e with { Function = v },
        f => f.Target.FunctionName,
        FunctionSyntax(),
        "a function-name glob of letters, digits, '-', '_', '*', '?'");

    public static SuppressionSelector Api { get; } = new(
        "api",
        "--api",
        "Glob on the API name without version suffix (UpdateFunctionCode)",
        e => e.Api,
        (e, v) => e with { Api = v },
        f => f.Api,
        ApiSyntax(),
        "an API name glob without version suffix, e.g. UpdateFunctionCode or Delete*");

    public static SuppressionSelector RuleId { get; } = new(
        "ruleId",
        "--rule-id",
        "Glob on the rule id (LG001)",
        e => e.RuleId,
        (e, v) => e with { RuleId = v },
        f => f.RuleId,
        RuleIdSyntax(),
        "a rule id glob such as LG001 or LG00?");

    public static SuppressionSelector Account { get; } = new(
        "account",
        "--account",
        "Glob on the account id",
        e => e.Account,
        (e, v) => e with { Account = v },
        f => f.Record.RecipientAccountId,
        AccountSyntax(),
        "a 12-digit account id glob such as 123456789012 or 1234*");

    // --region already picks the table's AWS region on every admin command.
    public static SuppressionSelector Region { get; } = new(
        "region",
        "--match-region",
        "Glob on the event's region (the entry's region field; --region picks the table's region)",
        e => e.Region,
        (e, v) => e with { Region = v },
        f => f.Record.AwsRegion,
        RegionSyntax(),
        "a region glob such as eu-west-1 or us-*");

    public static IReadOnlyList<SuppressionSelector> All { get; } = [Principal, Function, Api, RuleId, Account, Region];

    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToList();

    public static SuppressionSelector? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    [GeneratedRegex(@"^(\*|arn:[a-z*?-]+:(iam|sts|\*)::[0-9*?]*:[A-Za-z0-9+=,.@_/*?-]+|\*[A-Za-z0-9+=,.@_/:*?-]+)$")]
    private static partial Regex PrincipalSyntax();

    [GeneratedRegex(@"^[A-Za-z0-9_*?-]{1,170}$")]
    private static partial Regex FunctionSyntax();

    [GeneratedRegex(@"^[A-Za-z*?]{1,128}$")]
    private static partial Regex ApiSyntax();

    [GeneratedRegex(@"^[A-Z0-9*?]{1,16}$")]
    private static partial Regex RuleIdSyntax();

    [GeneratedRegex(@"^[0-9*?]{1,12}$")]
    private static partial Regex AccountSyntax();

    [GeneratedRegex(@"^[a-z0-9*?-]{1,32}$")]
    private static partial Regex RegionSyntax();
}
