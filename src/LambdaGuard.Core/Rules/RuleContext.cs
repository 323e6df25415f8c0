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
    public bool IsTrustedAccount(string? accountId) => Settings.IsTrustedAccount(accountId, Record.RecipientAccountId);

    /// <summary>Who a change rule is judging: people (and unclassified callers), or automation that reaches
    /// the change rules only because it comes from an untrusted account (docs/detections.md §3).</summary>
    public string ChangeActor => Actor.Class == ActorClass.Automation && Actor.UntrustedCaller
        ? $"an automation actor of untrusted account {Actor.AccountId}"
        : "a human actor";

    public bool IsTrustedOrganization(string? organizationId) =>
        organizationId is not null && Settings.TrustedOrganizationId is { } trusted && organizationId == trusted;
}
