using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests;

[CollectionDefinition(EmulatorCollections.Dynalite)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>;

[CollectionDefinition(EmulatorCollections.Fauxqs)]
public sealed class FauxqsCollection : ICollectionFixture<FauxqsFixture>;
