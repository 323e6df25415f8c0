namespace LambdaGuard.Core.Rules;

/// <summary>Ordered: comparisons such as <c>--fail-on High</c> rely on the numeric order.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
