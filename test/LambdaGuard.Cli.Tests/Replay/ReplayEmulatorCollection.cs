using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Replay;

[CollectionDefinition(Name)]
public sealed class ReplayEmulatorCollection : ICollectionFixture<DynaliteFixture>, ICollectionFixture<FauxqsFixture>
{
    public const string Name = "replay-emulators";
}
