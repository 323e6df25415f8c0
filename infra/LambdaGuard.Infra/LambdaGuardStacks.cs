using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Organization;
using LambdaGuard.Infra.Stacks;

namespace LambdaGuard.Infra;

public sealed record LambdaGuardStacks(
    InfraSettings Settings,
    LambdaGuardGlobalStack Global,
    IReadOnlyList<LambdaGuardRegionalStack> Regional)
{
    // Only when us-east-1 is not a LambdaGuard region; otherwise its regional stack holds the IAM tamper rule.
    public LambdaGuardIamWatchStack? IamWatch { get; init; }

    public OrganizationSettings Organization { get; init; } = OrganizationSettings.PerRegion;

    // Set when the home-region detector serves other regions or accounts (docs/organization.md).
    public DetectorHub? Hub { get; init; }

    // Single-account mode: one forwarding stack per non-home region.
    public IReadOnlyList<LambdaGuardSpokeStack> Forwarders { get; init; } = [];
}
