namespace LambdaGuard.Core.Rules;

/// <summary>One rule of detections.md §4. Rules see only successful changes by alerted actors, except
/// <see cref="OwnResourceChangedRule"/> which sees every change by anyone.</summary>
public interface IDetectionRule
{
    RuleDefinition Definition { get; }

    RuleMatch? Evaluate(RuleContext context);
}
