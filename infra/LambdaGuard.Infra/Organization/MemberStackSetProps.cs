namespace LambdaGuard.Infra.Organization;

public sealed class MemberStackSetProps
{
    public required OrganizationSettings Settings { get; init; }

    public required string CentralBusArn { get; init; }
}
