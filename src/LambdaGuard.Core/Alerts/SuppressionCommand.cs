using System.Security.Cryptography;
using System.Text;
using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Alerts;

/// <summary>The ready-to-paste <c>lambdaguard suppressions add</c> for one finding: the exact principal (no
/// wildcard, so it cannot silence anyone else), the exact rule and function, the account, and a 30-day
/// expiry. Offered only when silencing is a sane answer: never for LG010/LG011, a root actor, an untrusted
/// cross-account actor, or values that would need shell quoting tricks.</summary>
public static class SuppressionCommand
{
    public const string Expiry = "30d";

    /// <remarks>Trust is the detector's own verdict (<see cref="Actor.UntrustedCaller"/>, judged with the configured
    /// trusted accounts), so the function's alert and every scan format offer the same command.</remarks>
    public static string? For(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var actor = finding.Actor;
        var function = finding.Target.FunctionName;
        var account = finding.Record.RecipientAccountId;
        if (!finding.Rule.Suppressible
            || actor.Class == ActorClass.Root
            || actor.Principal is not { } principal
            || !IsShellSafe(principal, allowArnChars: true)
            || principal.Contains('*', StringComparison.Ordinal)
            || function is null
            || !IsShellSafe(function, allowArnChars: false)
            || account is null
            || !account.All(char.IsAsciiDigit)
            || actor.UntrustedCaller)
        {
            return null;
        }

        var id = $"{finding.RuleId.ToLowerInvariant()}-{function}";
        id = id.Length > 100 ? id[..100] : id;
        id += "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{principal}\n{function}\n{account}")))[..8];
        return $"lambdaguard suppressions add --id {id} --reason 'TICKET: why this is expected' --expires-at {Expiry} "
            + $"--principal '{principal}' --rule-id {finding.RuleId} --function '{function}' --account {account}";
    }

    private static bool IsShellSafe(string value, bool allowArnChars) =>
        value.Length is > 0 and <= 512
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (allowArnChars && c is ':' or '/' or '+' or '=' or ',' or '.' or '@'));
}
