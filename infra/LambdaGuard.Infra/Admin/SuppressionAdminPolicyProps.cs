namespace LambdaGuard.Infra.Admin;

public sealed class SuppressionAdminPolicyProps
{
    public required IReadOnlyList<string> Regions { get; init; }

    public string PolicyName { get; init; } = ResourceNames.SuppressionAdminPolicy;
}
