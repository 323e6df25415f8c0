namespace LambdaGuard.Core.Rules;

/// <summary>One rule of docs/detections.md §4. The detector evaluates a rule only for records in its
/// declared <see cref="RuleDefinition.Scope"/>.</summary>
public interface IDetectionRule
{
    RuleDefinition Definition { get; }

    RuleMatch? Evaluate(RuleContext context);
}
