using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.TestAlert;

/// <summary>The message of <c>lambdaguard test-alert</c>: the alert envelope and attributes of a real alert,
/// labelled as a test everywhere a person or a filter looks (subject, text, JSON, chat card, ruleId TEST).</summary>
public static class TestAlertMessage
{
    public const string SubjectPrefix = "LambdaGuard TEST alert";
    public const string RuleId = "TEST";

    public static AlertMessage Create(string topicArn, DateTimeOffset now, string alertId)
    {
        ArgumentNullException.ThrowIfNull(topicArn);
        var account = topicArn.Split(':') is { Length: 6 } parts ? parts[4] : null;
        var when = IsoTime.Format(now);
        return new NonFindingMessage
        {
            AlertId = alertId,
            Label = "LambdaGuard TEST alert",
            Title = "LambdaGuard test alert",
            Marker = "test",
            RuleId = RuleId,
            Summary = $"Test alert sent by 'lambdaguard test-alert' at {when} to check the subscriptions of {topicArn}. It is not a finding; no action is needed.",
            When = when,
            Subject = $"{SubjectPrefix}: subscription check {when}",
            NextStep = "No action needed: this checks that the subscription receives LambdaGuard alerts.",
            JsonApi = "TestAlert",
            Account = account,
            TextNote = "If you read this, this subscription receives LambdaGuard alerts.",
            Attributes = AlertEnvelope.Attributes("Info", RuleId, "TestAlert", account, "Test"),
        }.ToAlert();
    }
}
