using Amazon.CDK;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;

namespace LambdaGuard.Infra.Stacks;

public sealed class LambdaGuardRegionalStackProps : StackProps
{
    public required InfraSettings Settings { get; init; }

    public required FunctionSource FunctionSource { get; init; }
}
