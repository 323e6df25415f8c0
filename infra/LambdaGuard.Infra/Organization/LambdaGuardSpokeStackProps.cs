using Amazon.CDK;

namespace LambdaGuard.Infra.Organization;

public sealed class LambdaGuardSpokeStackProps : StackProps
{
    // Null: the bus ARN becomes the template parameter CentralBusArn (the StackSet passes it in).
    public string? CentralBusArn { get; init; }
}
