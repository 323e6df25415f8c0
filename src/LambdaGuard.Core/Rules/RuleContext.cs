using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Rules;

public sealed record RuleContext(
    CloudTrailRecord Record,
    string Api,
    Actor Actor,
    ChangeTarget Target,
    DetectorSettings Settings,
    bool Failed)
{
    public string? Account => Record.RecipientAccountId;

    /// <summary>The own account, or one the deployment trusts (docs/detections.md §4, "Trusted accounts").</summary>
    public bool IsTrustedAccount(string? accountId) =>
        accountId is not null
        && (accountId == Record.RecipientAccountId || Matching.Glob.IsMatchAny(Settings.TrustedAccountGlobs, accountId));

    public bool IsTrustedOrganization(string? organizationId) =>
        organizationId is not null && Settings.TrustedOrganizationId is { } trusted && organizationId == trusted;
}
