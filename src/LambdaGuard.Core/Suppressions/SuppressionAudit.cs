using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Suppressions;

public sealed record SuppressionAudit(
    SuppressionChange Change,
    Severity Severity,
    string Summary,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ChangedFields,
    bool Broad)
{
    public SuppressionEntry Entry => Change.After ?? Change.Before!;
}
