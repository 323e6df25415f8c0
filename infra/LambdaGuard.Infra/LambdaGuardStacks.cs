using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Stacks;

namespace LambdaGuard.Infra;

public sealed record LambdaGuardStacks(
    InfraSettings Settings,
    LambdaGuardGlobalStack Global,
    IReadOnlyList<LambdaGuardRegionalStack> Regional);
