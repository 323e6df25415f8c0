using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Function.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<DynaliteFixture>, ICollectionFixture<FauxqsFixture>
{
    public const string Name = "function-emulators";
}
