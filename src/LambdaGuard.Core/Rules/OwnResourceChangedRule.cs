using LambdaGuard.Core.Matching;

namespace LambdaGuard.Core.Rules;

/// <summary>Anyone touching the detector itself: evaluated for every actor class and for failed attempts,
/// because disabling the detector is the first move of an attacker who knows it is there.</summary>
public sealed class OwnResourceChangedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG010",
        "LambdaGuard's own resources changed",
        Severity.Critical,
        [Mitre.DefenseEvasionImpairDefenses],
        "Someone changed, or tried to change, the LambdaGuard detector function (code, configuration, aliases, permissions). Disabling the detector is how an attacker makes the next change silent.",
        [
            "Confirm with the team that owns LambdaGuard whether a deployment was running (CloudFormation stack events for the LambdaGuard stacks).",
            "Compare the detector's configuration and code with the stack (cdk diff); redeploy with cdk deploy to restore it.",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized,
        ],
        ["LambdaGuard"],
        RuleScope.OwnResources,
        Suppressible: false,
        Severities: [Severity.Medium, Severity.Critical]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        var glob = context.Settings.OwnFunctionGlob;
        var target = context.Target;
        if (!IsOwnFunction(glob, context))
        {
            return null;
        }

        var reasons = new List<string> { $"function {target.FunctionName ?? target.FunctionArn} matches the LambdaGuard function pattern {glob}" };
        if (context.Failed)
        {
            reasons.Add($"the call failed ({context.Record.ErrorCode ?? context.Record.ErrorMessage}): an attempt, not a change");
            return new RuleMatch(Definition, Severity.Medium, reasons);
        }

        if (string.Equals(context.Actor.InvokedBy, "cloudformation.amazonaws.com", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("made through CloudFormation (likely a stack deployment)");
            return new RuleMatch(Definition, Severity.Medium, reasons);
        }

        return new RuleMatch(Definition, Definition.BaseSeverity, reasons);
    }

    /// <summary>The glob may be a short name or an ARN, and the record may name the function either way: a
    /// short name is also tried as the unqualified ARN it has in the recipient account and region.</summary>
    private static bool IsOwnFunction(string glob, RuleContext context)
    {
        var target = context.Target;
        if (Glob.IsMatch(glob, target.FunctionName) || Glob.IsMatch(glob, target.FunctionArn))
        {
            return true;
        }

        var record = context.Record;
        if (target.FunctionName is not { Length: > 0 } name || record.AwsRegion is not { Length: > 0 } region || record.RecipientAccountId is not { Length: > 0 } account)
        {
            return false;
        }

        return Glob.IsMatch(glob, $"arn:{PartitionOf(region)}:lambda:{region}:{account}:function:{name}");
    }

    private static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";
}
