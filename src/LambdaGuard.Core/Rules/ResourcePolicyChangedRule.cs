using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Rules;

/// <summary>LG004. High and Critical grants open the function beyond the account and are exposures; a Medium
/// grant (own or trusted account, a service limited to a trusted source) is a routine change.</summary>
public sealed class ResourcePolicyChangedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG004",
        "Lambda resource policy opened",
        Severity.Medium,
        [Mitre.PersistenceAccountManipulation, Mitre.InitialAccessExternalRemoteServices],
        "A principal was granted the right to invoke or manage a function. A grant to everyone, to another account, or to a service whose source is another account's resource (or is not pinned at all) opens the function to callers outside the account.",
        [
            Runbooks.ContactActor,
            "Read the granted principal and conditions in the alert: who can now call the function, from which account, organization or source ARN.",
            "List the function's policy (aws lambda get-policy) and remove the statement if it is not expected (aws lambda remove-permission --statement-id ...).",
            "For a service principal, pin both SourceArn and SourceAccount: an S3 bucket ARN carries no account, so without SourceAccount any account's bucket of that name can invoke (confused deputy).",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized,
            Runbooks.SuppressIfExpected,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Exposure,
        ScopeNote: "Medium grants (own or trusted account, a service limited to a trusted source) are changes: Root, Human, Unknown and untrusted cross-account callers only",
        Severities: [Severity.Medium, Severity.High, Severity.Critical]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api != "AddPermission")
        {
            return null;
        }

        var target = context.Target;
        var principal = target.GrantedPrincipal;
        var reasons = new List<string> { $"AddPermission grants {principal ?? "an unlogged principal"}" };

        if (string.Equals(target.UrlAuthType, "NONE", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("FunctionUrlAuthType is NONE: anyone on the internet can call the function URL");
            return Exposure(Severity.Critical, reasons);
        }

        var severity = IsEveryone(principal) ? JudgeEveryone(context, reasons)
            : IsServicePrincipal(principal) ? JudgeService(context, reasons)
            : JudgeAccount(context, principal, reasons);
        return severity >= Severity.High
            ? Exposure(severity, reasons)
            : new RuleMatch(Definition, severity, reasons) { Scope = RuleScope.Change };
    }

    private RuleMatch Exposure(Severity severity, List<string> reasons) => new(Definition, severity, reasons);

    private static Severity JudgeEveryone(RuleContext context, List<string> reasons)
    {
        var target = context.Target;
        var sourceArn = NonEmpty(target.SourceArn);
        var sourceAccount = NonEmpty(target.SourceAccount);
        var orgId = NonEmpty(target.PrincipalOrgId);

        if (target.InvokedViaFunctionUrl)
        {
            reasons.Add("principal * limited by lambda:InvokedViaFunctionUrl: whoever can reach the function URL may invoke; the URL's own auth type decides who that is (LG005)");
            return Severity.High;
        }

        if (sourceArn is null && sourceAccount is null && orgId is null)
        {
            reasons.Add("principal is * with no SourceArn, SourceAccount or PrincipalOrgID condition");
            return Severity.Critical;
        }

        if (sourceAccount is null && orgId is null && sourceArn is not null && HasWildcardAccount(sourceArn))
        {
            reasons.Add($"principal is * and its only limit, SourceArn {sourceArn}, leaves the account open");
            return Severity.Critical;
        }

        var severity = JudgeSource(context, sourceArn, sourceAccount, reasons, "principal is *");
        if (orgId is not null && !context.IsTrustedOrganization(orgId))
        {
            reasons.Add($"principal is * limited to organization {orgId}, which is not the trusted organization");
            severity = Severity.High;
        }

        if (severity < Severity.High)
        {
            reasons.Add("principal is * limited to the own or a trusted account or organization");
        }

        return severity;
    }

    private static Severity JudgeService(RuleContext context, List<string> reasons)
    {
        var target = context.Target;
        var sourceArn = NonEmpty(target.SourceArn);
        var sourceAccount = NonEmpty(target.SourceAccount);
        if (sourceArn is null && sourceAccount is null)
        {
            reasons.Add("service principal without SourceArn or SourceAccount: any account's resource of that service can invoke");
            return Severity.High;
        }

        return JudgeSource(context, sourceArn, sourceAccount, reasons, "service principal");
    }

    /// <summary>SourceArn/SourceAccount conditions naming another account, or an S3 SourceArn whose owner only
    /// SourceAccount could pin.</summary>
    private static Severity JudgeSource(RuleContext context, string? sourceArn, string? sourceAccount, List<string> reasons, string who)
    {
        var severity = Severity.Medium;
        if (sourceAccount is not null && !context.IsTrustedAccount(sourceAccount))
        {
            reasons.Add($"{who} limited to SourceAccount {sourceAccount}, which is not trusted");
            severity = Severity.High;
        }

        if (sourceArn is null)
        {
            return severity;
        }

        var arnAccount = ChangeTargetReader.ArnAccount(sourceArn);
        if (arnAccount is { Length: 0 })
        {
            if (sourceAccount is null)
            {
                reasons.Add($"SourceArn {sourceArn} carries no account and no SourceAccount pins its owner: another account's resource of that name can invoke (confused deputy)");
                severity = Severity.High;
            }
        }
        else if (arnAccount is not null && HasWildcard(arnAccount))
        {
            if (sourceAccount is null)
            {
                reasons.Add($"SourceArn {sourceArn} leaves the account open and no SourceAccount pins it");
                severity = Severity.High;
            }
        }
        else if (arnAccount is not null && !context.IsTrustedAccount(arnAccount))
        {
            reasons.Add($"SourceArn {sourceArn} names account {arnAccount}, which is not trusted");
            severity = Severity.High;
        }

        return severity;
    }

    private static Severity JudgeAccount(RuleContext context, string? principal, List<string> reasons)
    {
        var account = AccountOf(principal);
        if (account is not null && !context.IsTrustedAccount(account))
        {
            reasons.Add($"principal belongs to untrusted account {account}");
            return Severity.High;
        }

        return Severity.Medium;
    }

    private static bool HasWildcardAccount(string arn) =>
        ChangeTargetReader.ArnAccount(arn) is { } account && HasWildcard(account);

    private static bool HasWildcard(string text) => text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static bool IsEveryone(string? principal) =>
        principal is "*" or "arn:aws:iam::*:root" || (principal?.StartsWith("{", StringComparison.Ordinal) == true && principal.Contains("\"*\"", StringComparison.Ordinal));

    private static bool IsServicePrincipal(string? principal) =>
        principal is not null
        && (principal.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || principal.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase));

    /// <summary>A bare 12-digit account id or an IAM ARN; anything else is not an account grant.</summary>
    internal static string? AccountOf(string? principal)
    {
        if (principal is null)
        {
            return null;
        }

        if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
        {
            return principal;
        }

        var parts = principal.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }
}
