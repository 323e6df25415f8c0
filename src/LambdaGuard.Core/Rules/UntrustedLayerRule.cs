using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Rules;

public sealed class UntrustedLayerRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG006",
        "Layer from an untrusted account attached",
        Severity.High,
        [Mitre.PersistenceImplantImage, Mitre.ExecutionServerless],
        "A layer published by an account that is neither this one nor a trusted one now runs inside the function, with its role and its data. Layers are a known way to implant code without changing the function package.",
        [
            Runbooks.ContactActor,
            "Identify the layer's publisher account; if it is a vendor (e.g. AWS Lambda Powertools), add it to the trusted accounts instead of suppressing.",
            "Download the layer (aws lambda get-layer-version-by-arn) and review its content.",
            Runbooks.RevokeIfUnauthorized + " Remove the layer from the function configuration.",
        ],
        ["Panther AWS.LAMBDA.CRUD"]);

    public RuleMatch? Evaluate(RuleContext context)
    {
        if (context.Api is not ("CreateFunction" or "UpdateFunctionConfiguration"))
        {
            return null;
        }

        var untrusted = context.Target.Layers
            .Where(layer => !context.IsTrustedAccount(ChangeTargetReader.LayerAccount(layer)))
            .ToList();
        return untrusted.Count == 0
            ? null
            : new RuleMatch(Definition, Definition.BaseSeverity, untrusted.Select(layer => $"layer {layer} is from account {ChangeTargetReader.LayerAccount(layer) ?? "unknown"}, which is not trusted").ToList());
    }
}
