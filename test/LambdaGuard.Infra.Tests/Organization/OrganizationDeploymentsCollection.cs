namespace LambdaGuard.Infra.Tests.Organization;

// Not in parallel with the other synthesizing collections: the jsii runtime fails loading a package when two
// apps are first created at the same moment.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OrganizationDeploymentsCollection
    : ICollectionFixture<OrganizationDeploymentFixture>, ICollectionFixture<SingleAccountDeploymentFixture>
{
    public const string Name = "Organization deployments";
}
