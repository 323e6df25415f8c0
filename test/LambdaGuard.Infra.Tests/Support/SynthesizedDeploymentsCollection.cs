namespace LambdaGuard.Infra.Tests.Support;

[CollectionDefinition(Name)]
public sealed class SynthesizedDeploymentsCollection
    : ICollectionFixture<DefaultDeploymentFixture>, ICollectionFixture<CustomizedDeploymentFixture>
{
    public const string Name = "Synthesized deployments";
}
