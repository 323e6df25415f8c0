namespace LambdaGuard.Core.Rules;

public sealed class LayerSharedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG007",
        "Lambda layer shared outside the account",
        Severity.High,
        [Mitre.ExfiltrationTransferToCloudAccount],
        "A layer version was made readable by every AWS account or by an untrusted one. Layers often hold internal code, configuration or secrets.",
        [
            Runbooks.ContactActor,
            "Check what the layer contains and whether it is meant to be public.",
            "Remove the grant (aws lambda remove-layer-version-permission) if it is not intended.",
            Runbooks.RevokeIfUnauthorized,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Exposure,
        Severities: [Severity.High, Severity.Critical]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api != "AddLayerVersionPermission")
        {
            return null;
        }

        var target = context.Target;
        if (target.GrantedPrincipal == "*")
        {
            if (string.IsNullOrEmpty(target.OrganizationId))
            {
                return new RuleMatch(Definition, Severity.Critical, [$"layer {target.LayerName} shared with every AWS account (principal *, no organizationId)"]);
            }

            // With no trusted organization configured, no organization is known to be ours.
            return context.IsTrustedOrganization(target.OrganizationId)
                ? null
                : new RuleMatch(Definition, Severity.High, [$"layer {target.LayerName} shared with organization {target.OrganizationId}, which is not the trusted organization"]);
        }

        var account = ResourcePolicyChangedRule.AccountOf(target.GrantedPrincipal);
        return account is not null && !context.IsTrustedAccount(account)
            ? new RuleMatch(Definition, Severity.High, [$"layer {target.LayerName} shared with untrusted account {account}"])
            : null;
    }
}
