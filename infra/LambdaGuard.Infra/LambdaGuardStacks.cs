using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Stacks;

namespace LambdaGuard.Infra;

public sealed record LambdaGuardStacks(
    InfraSettings Settings,
    LambdaGuardGlobalStack Global,
    IReadOnlyList<LambdaGuardRegionalStack> Regional)
{
    // Only when us-east-1 is not a LambdaGuard region; otherwise its regional stack holds the IAM tamper rule.
    public LambdaGuardIamWatchStack? IamWatch { get; init; }
}
