using System.Text.RegularExpressions;

namespace LambdaGuard.Infra.Configuration;

/// <summary>
/// The glob settings the detector matches against CloudTrail values (docs/detections.md): a glob that can never
/// match a role ARN, an account id or a function silently hides people or trusted accounts, so synth refuses it
/// and says what the value should look like. Globs use <c>*</c> and <c>?</c>, whole-string.
/// </summary>
public static partial class GlobSettingValidator
{
    public static string? HumanRoleProblem(string key, string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        if (RoleArnGlob().IsMatch(glob))
        {
            return null;
        }

        if (glob.Contains(":assumed-role/", StringComparison.Ordinal))
        {
            return $"context '{key}': '{glob}' is a role session ARN; give the role's own ARN instead, " +
                "e.g. arn:aws:iam::*:role/" + glob[(glob.IndexOf(":assumed-role/", StringComparison.Ordinal) + 14)..].Split('/')[0] + ".";
        }

        var roleAt = glob.IndexOf("role/", StringComparison.Ordinal);
        var name = roleAt >= 0 ? glob[(roleAt + 5)..]
            : glob.Contains(':', StringComparison.Ordinal) ? "NAME"
            : glob.Trim('/');
        return $"context '{key}': '{glob}' is not a role ARN glob and would never match a role; use e.g. " +
            $"arn:aws:iam::*:role/{name} (or arn:aws:iam::*:role/{name}* for every role whose name starts with it).";
    }

    public static string? TrustedAccountProblem(string key, string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var valid = glob.Contains('*', StringComparison.Ordinal)
            ? AccountGlobWithStar().IsMatch(glob)
            : ExactAccountGlob().IsMatch(glob);
        if (!valid)
        {
            return $"context '{key}': '{glob}' is not a 12-digit account id or a glob of one; account ids have exactly 12 " +
                "digits (keep leading zeros), e.g. 111122223333, or 1111* for every account starting 1111.";
        }

        // A glob without a literal first digit ('*', '?*', '????????????') trusts every account: LG004, LG006,
        // LG007 and LG012 would then never fire for a caller from outside.
        return char.IsAsciiDigit(glob[0])
            ? null
            : $"context '{key}': '{glob}' would trust every account, so cross-account changes would never alert; " +
              "list the trusted account ids (e.g. 111122223333,444455556666) or use account globs that start with " +
              "literal digits (e.g. 1111*).";
    }

    public static string? OwnFunctionProblem(string key, string glob, string detectorFunctionName)
    {
        ArgumentNullException.ThrowIfNull(glob);
        if (!FunctionNameGlob().IsMatch(glob) && !FunctionArnGlob().IsMatch(glob))
        {
            return $"context '{key}': '{glob}' is neither a function name glob (letters, digits, '-', '_', '*', '?', " +
                "up to 64 characters) nor a function ARN glob (arn:aws:lambda:REGION:ACCOUNT:function:NAME); e.g. *LambdaGuard*.";
        }

        // The glob marks LambdaGuard's own functions for LG010; one that misses the detector leaves it unwatched.
        // The detector runs in every deployed region of an account the synth does not know, so an ARN glob
        // keeps '*' for both: a literal region or account would miss the detectors elsewhere.
        var name = glob;
        if (FunctionArnGlob().IsMatch(glob))
        {
            var parts = glob.Split(':');
            name = parts[6];
            if (parts[3] != "*" || parts[4] != "*")
            {
                return $"context '{key}': '{glob}' names a region or account, but the detector runs in every " +
                    "deployed region of the deploying account, so LG010 would not watch it elsewhere; use '*' for both, " +
                    $"e.g. arn:{parts[1]}:lambda:*:*:function:{name}, or the name glob alone, e.g. {name}.";
            }
        }

        return Matches(name, detectorFunctionName)
            ? null
            : $"context '{key}': '{glob}' does not match the detector's own function {detectorFunctionName}, so LG010 " +
              $"would not watch it; include it, e.g. *LambdaGuard*.";
    }

    public static bool Matches(string glob, string value)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"^arn:[a-z*?-]+:iam::([0-9?]{12}|[0-9?]*\*[0-9?*]*):role/[\x21-\x7e]+$")]
    private static partial Regex RoleArnGlob();

    [GeneratedRegex("^[0-9?]{12}$")]
    private static partial Regex ExactAccountGlob();

    [GeneratedRegex("^[0-9?*]{1,12}$")]
    private static partial Regex AccountGlobWithStar();

    [GeneratedRegex("^[A-Za-z0-9_*?-]{1,64}$")]
    private static partial Regex FunctionNameGlob();

    [GeneratedRegex(@"^arn:[a-z*?-]+:lambda:[a-z0-9*?-]+:[0-9*?]{1,12}:function:[A-Za-z0-9_*?-]{1,64}(:[A-Za-z0-9_$*?-]+)?$")]
    private static partial Regex FunctionArnGlob();
}
