using Xunit;

namespace LambdaGuard.Testing.Emulators;

/// <summary>One fauxqs for a test collection; declare it like <see cref="DynaliteFixture"/> with
/// <see cref="EmulatorCollections.Fauxqs"/>. Use fresh topic and queue names per test.</summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private FauxqsServer? server;

    public FauxqsServer Server => server ?? throw new InvalidOperationException("fauxqs is not started yet.");

    public Uri ServiceUrl => Server.ServiceUrl;

    public async Task InitializeAsync()
    {
        AwsTestEnvironment.Apply();
        server = await FauxqsServer.StartAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
