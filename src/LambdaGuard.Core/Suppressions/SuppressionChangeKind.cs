namespace LambdaGuard.Core.Suppressions;

public enum SuppressionChangeKind
{
    Added,
    Changed,
    Removed,
}
