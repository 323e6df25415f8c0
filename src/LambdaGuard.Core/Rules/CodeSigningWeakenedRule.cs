namespace LambdaGuard.Core.Rules;

public sealed class CodeSigningWeakenedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG008",
        "Code signing weakened",
        Severity.High,
        [Mitre.DefenseEvasionSubvertTrust, Mitre.DefenseEvasionImpairDefenses],
        "Code signing was removed from a function, or a signing config now only warns on untrusted artifacts: unsigned code can be deployed without being blocked.",
        [
            Runbooks.ContactActor,
            "Restore the code signing config (aws lambda put-function-code-signing-config) or set UntrustedArtifactOnDeployment back to Enforce.",
            "Check the code deployed since the change (UpdateFunctionCode events for the same function).",
            Runbooks.RevokeIfUnauthorized,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Exposure);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api == "DeleteFunctionCodeSigningConfig")
        {
            return new RuleMatch(Definition, Definition.BaseSeverity, ["code signing config removed from the function"]);
        }

        return context.Api is "CreateCodeSigningConfig" or "UpdateCodeSigningConfig"
            && string.Equals(context.Target.UntrustedArtifactOnDeployment, "Warn", StringComparison.OrdinalIgnoreCase)
                ? new RuleMatch(Definition, Definition.BaseSeverity, [$"{context.Api} sets UntrustedArtifactOnDeployment to Warn"])
                : null;
    }
}
