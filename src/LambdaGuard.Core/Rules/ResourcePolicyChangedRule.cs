namespace LambdaGuard.Core.Rules;

public sealed class ResourcePolicyChangedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG004",
        "Lambda resource policy changed by a human",
        Severity.Medium,
        [Mitre.PersistenceAccountManipulation, Mitre.InitialAccessExternalRemoteServices],
        "A person granted a principal the right to invoke or manage a function. A grant to everyone, to another account or to a service without a source condition opens the function to callers outside the account.",
        [
            Runbooks.ContactActor,
            "Read the granted principal and conditions in the alert: who can now call the function, from which account or source ARN.",
            "List the function's policy (aws lambda get-policy) and remove the statement if it is not expected (aws lambda remove-permission --statement-id ...).",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized,
            Runbooks.SuppressIfExpected,
        ],
        ["Panther AWS.LAMBDA.CRUD"]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api != "AddPermission")
        {
            return null;
        }

        var target = context.Target;
        var principal = target.GrantedPrincipal;
        var hasSourceCondition = !string.IsNullOrEmpty(target.SourceArn) || !string.IsNullOrEmpty(target.SourceAccount);
        var reasons = new List<string> { $"AddPermission grants {principal ?? "an unlogged principal"}" };

        if (string.Equals(target.UrlAuthType, "NONE", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("FunctionUrlAuthType is NONE: anyone on the internet can call the function URL");
            return new RuleMatch(Definition, Severity.Critical, reasons);
        }

        if (IsEveryone(principal))
        {
            if (!hasSourceCondition && string.IsNullOrEmpty(target.PrincipalOrgId))
            {
                reasons.Add("principal is * with no SourceArn, SourceAccount or PrincipalOrgID condition");
                return new RuleMatch(Definition, Severity.Critical, reasons);
            }

            if (!string.IsNullOrEmpty(target.SourceAccount) && !context.IsTrustedAccount(target.SourceAccount))
            {
                reasons.Add($"principal is * limited to untrusted source account {target.SourceAccount}");
                return new RuleMatch(Definition, Severity.High, reasons);
            }

            reasons.Add("principal is * limited by a condition");
            return new RuleMatch(Definition, Severity.Medium, reasons);
        }

        if (IsServicePrincipal(principal))
        {
            if (!hasSourceCondition)
            {
                reasons.Add("service principal without SourceArn or SourceAccount: any account's resource of that service can invoke");
                return new RuleMatch(Definition, Severity.High, reasons);
            }

            return new RuleMatch(Definition, Severity.Medium, reasons);
        }

        var account = AccountOf(principal);
        if (account is not null && !context.IsTrustedAccount(account))
        {
            reasons.Add($"principal belongs to untrusted account {account}");
            return new RuleMatch(Definition, Severity.High, reasons);
        }

        return new RuleMatch(Definition, Definition.BaseSeverity, reasons);
    }

    internal static bool IsEveryone(string? principal) =>
        principal is "*" or "arn:aws:iam::*:root" || (principal?.StartsWith("{", StringComparison.Ordinal) == true && principal.Contains("\"*\"", StringComparison.Ordinal));

    private static bool IsServicePrincipal(string? principal) =>
        principal?.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) == true;

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
