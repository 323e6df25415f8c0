using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Matching;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Actors;

/// <summary>Classifies the caller by <c>userIdentity.type</c> alone (docs/detections.md §3); console use, MFA and
/// <c>invokedBy</c> are recorded but never change the class.</summary>
public sealed class ActorClassifier(DetectorSettings settings)
{
    private const string SsoRolePrefix = "AWSReservedSSO_";
    private const string SsoRolePath = "/aws-reserved/sso.amazonaws.com/";

    public Actor Classify(CloudTrailRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var identity = record.UserIdentity ?? new UserIdentity();
        var type = identity.Type ?? "Unknown";
        var issuer = identity.SessionContext?.SessionIssuer;
        var principal = PrincipalOf(identity, type, issuer);

        var actorClass = type switch
        {
            "Root" => ActorClass.Root,
            "IAMUser" or "FederatedUser" or "IdentityCenterUser" or "Directory" => ActorClass.Human,
            "AssumedRole" => IsHumanSession(issuer, principal) ? ActorClass.Human : ActorClass.Automation,
            "WebIdentityUser" or "SAMLUser" => Glob.IsMatchAny(settings.HumanRoleGlobs, principal) ? ActorClass.Human : ActorClass.Automation,
            "AWSAccount" => ActorClass.Automation,
            "AWSService" => ActorClass.AwsService,
            _ => ActorClass.Unknown,
        };

        var accountId = identity.AccountId ?? issuer?.AccountId;
        var crossAccount = type == "AWSAccount"
            || (accountId is not null && record.RecipientAccountId is not null && accountId != record.RecipientAccountId);

        return new Actor(
            actorClass,
            type,
            principal,
            identity.Arn,
            accountId,
            crossAccount,
            IsConsole(record),
            identity.SessionContext?.Attributes?.MfaAuthenticated == true,
            identity.InvokedBy,
            SessionNameOf(identity.Arn, type))
        {
            SourceIdentity = identity.SessionContext?.SourceIdentity,
            UntrustedCaller = actorClass != ActorClass.AwsService && IsUntrustedCaller(accountId, record.RecipientAccountId),
        };
    }

    /// <summary>Only a 12-digit caller account can be judged; organization membership is not in the record,
    /// so trust comes from the configured account globs alone.</summary>
    private bool IsUntrustedCaller(string? accountId, string? recipientAccountId) =>
        accountId is { Length: 12 }
        && accountId.All(char.IsAsciiDigit)
        && !settings.IsTrustedAccount(accountId, recipientAccountId);

    private bool IsHumanSession(SessionIssuer? issuer, string? principal) =>
        (issuer?.UserName?.StartsWith(SsoRolePrefix, StringComparison.Ordinal) ?? false)
        || (issuer?.Arn?.Contains(SsoRolePath, StringComparison.Ordinal) ?? false)
        || (principal?.Contains(SsoRolePath, StringComparison.Ordinal) ?? false)
        || RoleNameOf(principal).StartsWith(SsoRolePrefix, StringComparison.Ordinal)
        || Glob.IsMatchAny(settings.HumanRoleGlobs, principal);

    private static string? PrincipalOf(UserIdentity identity, string type, SessionIssuer? issuer)
    {
        switch (type)
        {
            case "AssumedRole":
                return issuer?.Arn ?? RoleArnFromSession(identity.Arn) ?? identity.Arn;
            case "FederatedUser":
                return issuer?.Arn ?? identity.Arn;
            case "AWSService":
                return identity.InvokedBy ?? identity.PrincipalId;
            case "AWSAccount":
                return identity.Arn ?? (identity.AccountId is { } account ? $"arn:aws:iam::{account}:root" : identity.PrincipalId);
            case "IdentityCenterUser":
                return identity.Arn ?? identity.OnBehalfOf?.UserId ?? identity.PrincipalId;
            default:
                return identity.Arn ?? identity.UserName ?? identity.PrincipalId;
        }
    }

    /// <summary>arn:aws:sts::123:assumed-role/Name/session → arn:aws:iam::123:role/Name (path unknown).</summary>
    private static string? RoleArnFromSession(string? sessionArn)
    {
        if (sessionArn is null)
        {
            return null;
        }

        var parts = sessionArn.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "sts" || !parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return null;
        }

        var resource = parts[5]["assumed-role/".Length..];
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var roleName = slash >= 0 ? resource[..slash] : resource;
        return $"arn:{parts[1]}:iam::{parts[4]}:role/{roleName}";
    }

    private static string RoleNameOf(string? roleArn)
    {
        if (roleArn is null)
        {
            return string.Empty;
        }

        var slash = roleArn.LastIndexOf('/');
        return slash >= 0 ? roleArn[(slash + 1)..] : roleArn;
    }

    private static string? SessionNameOf(string? arn, string type)
    {
        if (arn is null || type is not ("AssumedRole" or "FederatedUser"))
        {
            return null;
        }

        var slash = arn.LastIndexOf('/');
        return slash >= 0 && slash < arn.Length - 1 ? arn[(slash + 1)..] : null;
    }

    private static bool IsConsole(CloudTrailRecord record)
    {
        if (record.SessionCredentialFromConsole == true)
        {
            return true;
        }

        var agent = record.UserAgent;
        return agent is not null
            && (agent.Equals("console.amazonaws.com", StringComparison.OrdinalIgnoreCase)
                || agent.Equals("signin.amazonaws.com", StringComparison.OrdinalIgnoreCase)
                || agent.Equals("AWS Internal", StringComparison.OrdinalIgnoreCase)
                || agent.StartsWith("aws-internal/", StringComparison.OrdinalIgnoreCase));
    }
}
