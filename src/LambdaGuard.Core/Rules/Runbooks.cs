namespace LambdaGuard.Core.Rules;

/// <summary>Triage steps shared by the rules, drawn from the seed rules' runbooks (Datadog def-000-b61,
/// Panther AWS.Lambda.UpdateFunctionCode) and extended where they were silent.</summary>
internal static class Runbooks
{
    public const string ContactActor = "Contact the actor (principal in the alert) and confirm they made this call; for a role session, find the person behind it via the session name and sourceIdentity.";
    public const string CheckPipeline = "Check whether the change went through the deployment pipeline; a human change outside CI/CD is the finding, even when the content is benign.";
    public const string CheckOtherActivity = "Search CloudTrail for other calls by the same principal and source IP in the surrounding hours.";
    public const string RevokeIfUnauthorized = "If unauthorized: disable the user's access keys or revoke the SSO/role session, then start incident response.";
    public const string SuppressIfExpected = "If expected and recurring, add a suppression entry with a reason and an expiry (lambdaguard suppressions add), never a permanent exception.";
}
