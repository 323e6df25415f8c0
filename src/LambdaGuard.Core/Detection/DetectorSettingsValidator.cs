using System.Text.RegularExpressions;
using LambdaGuard.Core.Matching;

namespace LambdaGuard.Core.Detection;

/// <summary>Refuses glob settings that can never match what CloudTrail records (docs/detections.md, "Actor
/// classes"): <c>Admin</c> as a human role never matches a role ARN, so those people would be invisible without
/// anyone noticing. Used by the function at start and by every CLI command that takes these settings; the infra
/// app applies the same rules at synth (a test keeps the two in step). Each problem names the setting, the value
/// and what it should look like.</summary>
public static partial class DetectorSettingsValidator
{
    /// <param name="names">What the user calls each setting where it came from (CLI option or environment variable).</param>
    /// <param name="ownFunctionName">The detector's own function name when known (the function knows it): the
    /// own-function glob must cover it, or LG010 would not watch the detector.</param>
    public static IReadOnlyList<string> Problems(DetectorSettings settings, DetectorSettingNames names, string? ownFunctionName = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(names);
        var problems = new List<string>();
        foreach (var glob in settings.HumanRoleGlobs)
        {
            if (HumanRoleProblem(names.HumanRoles, glob) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var glob in settings.TrustedAccountGlobs)
        {
            if (TrustedAccountProblem(names.TrustedAccounts, glob) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (OwnFunctionProblem(names.OwnFunction, settings.OwnFunctionGlob, ownFunctionName) is { } own)
        {
            problems.Add(own);
        }

        if (settings.TrustedOrganizationId is { } org && TrustedOrganizationProblem(names.TrustedOrganization, org) is { } orgProblem)
        {
            problems.Add(orgProblem);
        }

        return problems;
    }

    public static string? TrustedOrganizationProblem(string name, string organizationId) =>
        OrganizationId().IsMatch(organizationId)
            ? null
            : $"{name}: '{organizationId}' is not an organization id; they look like o-abcdefghij (o- then 10 to 32 lowercase letters or digits).";

    public static string? HumanRoleProblem(string name, string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        if (RoleArnGlob().IsMatch(glob))
        {
            return null;
        }

        const string Session = ":assumed-role/";
        var sessionAt = glob.IndexOf(Session, StringComparison.Ordinal);
        if (sessionAt >= 0)
        {
            return $"{name}: '{glob}' is a role session ARN; give the role's own ARN instead, e.g. arn:aws:iam::*:role/{glob[(sessionAt + Session.Length)..].Split('/')[0]}.";
        }

        var roleAt = glob.IndexOf("role/", StringComparison.Ordinal);
        var role = roleAt >= 0 ? glob[(roleAt + 5)..]
            : glob.Contains(':', StringComparison.Ordinal) ? "NAME"
            : glob.Trim('/');
        return $"{name}: '{glob}' is not a role ARN glob and would never match a role; use e.g. arn:aws:iam::*:role/{role} "
            + $"(or arn:aws:iam::*:role/{role}* for every role whose name starts with it).";
    }

    public static string? TrustedAccountProblem(string name, string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var valid = glob.Contains('*', StringComparison.Ordinal) ? AccountGlobWithStar().IsMatch(glob) : ExactAccountGlob().IsMatch(glob);
        if (!valid)
        {
            return $"{name}: '{glob}' is not a 12-digit account id or a glob of one; account ids have exactly 12 digits (keep leading zeros), "
              + "e.g. 111122223333, or 1111* for every account starting 1111.";
        }

        // Without a literal first digit ('*', '?*', '????????????') the glob trusts every account, and the
        // exposure rules would never fire for a caller from outside (the same rule synth applies).
        return char.IsAsciiDigit(glob[0])
            ? null
            : $"{name}: '{glob}' would trust every account, so cross-account changes would never alert; list the account ids, "
              + "or use globs that start with literal digits (e.g. 1111*).";
    }

    public static string? OwnFunctionProblem(string name, string glob, string? ownFunctionName = null)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var isArn = FunctionArnGlob().IsMatch(glob);
        if (!isArn && !FunctionNameGlob().IsMatch(glob))
        {
            return $"{name}: '{glob}' is neither a function name glob (letters, digits, '-', '_', '*', '?', up to 64 characters) "
                + "nor a function ARN glob (arn:aws:lambda:REGION:ACCOUNT:function:NAME); e.g. *LambdaGuard*.";
        }

        if (ownFunctionName is null)
        {
            return null;
        }

        var namePart = isArn ? glob[(glob.IndexOf(":function:", StringComparison.Ordinal) + 10)..].Split(':')[0] : glob;
        return Glob.IsMatch(namePart, ownFunctionName)
            ? null
            : $"{name}: '{glob}' does not match the detector's own function {ownFunctionName}, so LG010 would not watch it; include it, e.g. *LambdaGuard*.";
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

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationId();
}
