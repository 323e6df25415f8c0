namespace LambdaGuard.Core.Rules;

public sealed class ConfigurationChangedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG003",
        "Lambda configuration changed by a human",
        Severity.Medium,
        [Mitre.PrivilegeEscalationValidAccounts, Mitre.PersistenceAccountManipulation],
        "A person changed a function's configuration. A new execution role grants the code new permissions; new layers inject code without touching the function package.",
        [
            Runbooks.ContactActor,
            Runbooks.CheckPipeline,
            "Compare the configuration with infrastructure-as-code: execution role, layers, environment variables, VPC settings.",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized + " Restore the configuration from infrastructure-as-code (redeploy the stack).",
            Runbooks.SuppressIfExpected,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Change,
        Severities: [Severity.Medium, Severity.High]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api != "UpdateFunctionConfiguration")
        {
            return null;
        }

        var reasons = new List<string> { $"UpdateFunctionConfiguration called by {context.ChangeActor}" };
        if (context.Target.RolePresent)
        {
            reasons.Add($"the execution role is set ({context.Target.Role ?? "value not logged"})");
        }

        if (context.Target.LayersPresent && context.Target.Layers.Count > 0)
        {
            reasons.Add($"layers are set ({context.Target.Layers.Count})");
        }

        return new RuleMatch(Definition, reasons.Count > 1 ? Severity.High : Definition.BaseSeverity, reasons);
    }
}
