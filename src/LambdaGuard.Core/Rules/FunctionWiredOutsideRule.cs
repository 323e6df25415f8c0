using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Rules;

/// <summary>LG012: a function that sends its results, its failed events or its dead letters to another
/// account copies every payload out; one that reads another account's queue or stream runs whatever that
/// account puts there.</summary>
public sealed class FunctionWiredOutsideRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG012",
        "Function wired to another account",
        Severity.High,
        [Mitre.ExfiltrationTransferToCloudAccount, Mitre.PersistenceEventTriggeredExecution],
        "A function's async destination, dead-letter target or event source mapping now points at a queue, topic, bus, function, bucket or stream of an account that is neither this one nor a trusted one. Destinations copy every payload out; a foreign event source feeds the function input that account controls.",
        [
            Runbooks.ContactActor,
            "Identify the account named in the destination or event source ARN; check with its owners whether the integration is agreed.",
            "An S3 destination names a bucket, not its owner: check the bucket's owner (aws s3api get-bucket-ownership-controls / the bucket policy) before trusting it.",
            "Remove the destination (aws lambda delete-function-event-invoke-config, or update-function-configuration --dead-letter-config TargetArn=) or the event source mapping if it is not expected.",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized,
            Runbooks.SuppressIfExpected,
        ],
        ["LambdaGuard"],
        RuleScope.Exposure,
        Severities: [Severity.Medium, Severity.High]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        var api = context.Api;
        var reasons = new List<string>();
        var severity = Severity.Info;
        if (api is "PutFunctionEventInvokeConfig" or "UpdateFunctionEventInvokeConfig" or "CreateFunction" or "UpdateFunctionConfiguration"
            or "CreateEventSourceMapping" or "UpdateEventSourceMapping")
        {
            foreach (var destination in context.Target.Destinations)
            {
                var judged = JudgeDestination(context, destination, reasons);
                severity = judged > severity ? judged : severity;
            }
        }

        if (api is "CreateEventSourceMapping" or "UpdateEventSourceMapping"
            && context.Target.EventSourceArn is { } source
            && ChangeTargetReader.ArnAccount(source) is { Length: > 0 } sourceAccount
            && !context.IsTrustedAccount(sourceAccount))
        {
            reasons.Add($"the event source mapping reads {source} of account {sourceAccount}, which is not trusted");
            severity = severity > Severity.Medium ? severity : Severity.Medium;
        }

        return reasons.Count == 0 ? null : new RuleMatch(Definition, severity, reasons);
    }

    private static Severity JudgeDestination(RuleContext context, Destination destination, List<string> reasons)
    {
        var account = ChangeTargetReader.ArnAccount(destination.Arn);
        if (account is null)
        {
            return Severity.Info;
        }

        if (account.Length == 0)
        {
            reasons.Add($"{destination.Kind} destination {destination.Arn} carries no account: owner unverifiable");
            return Severity.Medium;
        }

        if (context.IsTrustedAccount(account))
        {
            return Severity.Info;
        }

        reasons.Add($"{destination.Kind} destination {destination.Arn} is in account {account}, which is not trusted: every payload is copied there");
        return Severity.High;
    }
}
