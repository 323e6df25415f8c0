using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Coverage;

[CollectionDefinition(Name)]
public sealed class CoverageDynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "coverage-cli-dynalite";
}
