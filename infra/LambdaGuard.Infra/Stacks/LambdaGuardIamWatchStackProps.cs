using Amazon.CDK;
using LambdaGuard.Infra.Configuration;

namespace LambdaGuard.Infra.Stacks;

public sealed class LambdaGuardIamWatchStackProps : StackProps
{
    public required InfraSettings Settings { get; init; }
}
