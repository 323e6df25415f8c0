using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Rules;

/// <summary>LG006: code that another account controls now runs as the function, through a layer or a
/// container image pulled from that account's ECR registry.</summary>
public sealed class UntrustedLayerRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG006",
        "Code or layer from an untrusted account",
        Severity.High,
        [Mitre.PersistenceImplantImage, Mitre.InitialAccessSupplyChain, Mitre.ExecutionServerless],
        "A layer or a container image published by an account that is neither this one nor a trusted one now runs inside the function, with its role and its data. Foreign layers and images implant code without changing the function package.",
        [
            Runbooks.ContactActor,
            "Identify the publisher account of the layer or the image registry; if it is a vendor (e.g. AWS Lambda Powertools' layer account), add it to the trusted accounts instead of suppressing.",
            "Review the content: download the layer (aws lambda get-layer-version-by-arn) or pull the image and inspect it.",
            Runbooks.RevokeIfUnauthorized + " Remove the layer from the function configuration, or redeploy the image from the own registry.",
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Exposure);

    public RuleMatch? Evaluate(RuleContext context)
    {
        var reasons = new List<string>();
        if (context.Api is "CreateFunction" or "UpdateFunctionConfiguration")
        {
            foreach (var layer in context.Target.Layers)
            {
                var account = ChangeTargetReader.LayerAccount(layer);
                if (!context.IsTrustedAccount(account))
                {
                    reasons.Add($"layer {layer} is from account {account ?? "unknown"}, which is not trusted");
                }
            }
        }

        if (context.Api is "CreateFunction" or "UpdateFunctionCode" && context.Target.ImageUri is { } image
            && ChangeTargetReader.ImageAccount(image) is { } registry && !context.IsTrustedAccount(registry))
        {
            reasons.Add($"container image {image} is pulled from the ECR registry of account {registry}, which is not trusted");
        }

        return reasons.Count == 0 ? null : new RuleMatch(Definition, Definition.BaseSeverity, reasons);
    }
}
