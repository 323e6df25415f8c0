using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Suppressions;

// Its own collection (and dynalite) so it cannot clash with other CLI test classes' collection definitions.
[CollectionDefinition(Name)]
public sealed class SuppressionsDynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "suppressions-cli-dynalite";
}
