namespace LambdaGuard.Infra.Trail;

public sealed class OptionalTrailProps
{
    public string TrailName { get; init; } = ResourceNames.Trail;
}
