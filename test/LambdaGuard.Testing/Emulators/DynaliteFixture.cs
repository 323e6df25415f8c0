using Xunit;

namespace LambdaGuard.Testing.Emulators;

/// <summary>One dynalite for a test collection. A test project declares the collection in its own assembly
/// (xunit requires it): <c>[CollectionDefinition(EmulatorCollections.Dynalite)] public sealed class
/// DynaliteCollection : ICollectionFixture&lt;DynaliteFixture&gt;;</c>. Use a fresh table name per test.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private DynaliteServer? server;

    public DynaliteServer Server => server ?? throw new InvalidOperationException("dynalite is not started yet.");

    public Uri ServiceUrl => Server.ServiceUrl;

    public async Task InitializeAsync()
    {
        AwsTestEnvironment.Apply();
        server = await DynaliteServer.StartAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
