using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Pipeline;

/// <summary>The daily canary: an alert-shaped message through the real alert topic, tagged with the message
/// attribute <c>canary</c> = <c>true</c> so people's subscriptions filter it out with
/// <c>{"canary":[{"exists":false}]}</c> (docs/deploy.md, "Subscribe").</summary>
public static class CanaryMessage
{
    public const string AttributeName = "canary";
    public const string RuleId = "CANARY";
    public const string SubjectPrefix = "LambdaGuard canary";

    public static AlertMessage Create(string alertId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var when = IsoTime.Format(now);
        var attributes = AlertEnvelope.Attributes("Info", RuleId, "Heartbeat", null, "Canary");
        attributes[AttributeName] = "true";
        return new NonFindingMessage
        {
            AlertId = alertId,
            Label = "LambdaGuard canary",
            Title = "LambdaGuard canary",
            Marker = "canary",
            RuleId = RuleId,
            Summary = $"Daily end-to-end check of the LambdaGuard detector at {when}: it read the suppression table, claimed this alert id and published through the alert topic. It is not a finding; no action is needed.",
            When = when,
            Subject = $"{SubjectPrefix} {when}",
            NextStep = "No action needed.",
            Attributes = attributes,
        }.ToAlert();
    }
}
