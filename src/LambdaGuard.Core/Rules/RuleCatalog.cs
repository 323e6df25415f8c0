namespace LambdaGuard.Core.Rules;

public static class RuleCatalog
{
    /// <summary>docs/detections.md §4: the first match wins, the later ones are listed as also matched.</summary>
    public static IReadOnlyList<IDetectionRule> EvaluationOrder { get; } =
    [
        new OwnResourceChangedRule(),
        new PublicFunctionUrlRule(),
        new ResourcePolicyChangedRule(),
        new LayerSharedRule(),
        new UntrustedLayerRule(),
        new FunctionWiredOutsideRule(),
        new CodeSigningWeakenedRule(),
        new CodeUpdatedRule(),
        new ConfigurationChangedRule(),
        new FunctionCreatedRule(),
        new OtherChangeRule(),
    ];

    public static IReadOnlyList<RuleDefinition> All { get; } =
        EvaluationOrder.Select(rule => rule.Definition).Append(SuppressionListChangedRule.Definition).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public static RuleDefinition? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}
