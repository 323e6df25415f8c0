namespace LambdaGuard.Testing.Emulators;

/// <summary>dynalite (in-memory DynamoDB) on 127.0.0.1. Point a client at <see cref="ServiceUrl"/> with
/// <c>AuthenticationRegion = "us-east-1"</c>. No TTL support; tables are ACTIVE as soon as they are created.</summary>
public sealed class DynaliteServer : IAsyncDisposable, IDisposable
{
    private readonly NodeEmulatorProcess process;

    private DynaliteServer(NodeEmulatorProcess process) => this.process = process;

    public Uri ServiceUrl => process.ServiceUrl;

    public int Port => process.Port;

    public static async Task<DynaliteServer> StartAsync() =>
        new(await NodeEmulatorProcess.StartAsync("dynalite.mjs", "dynalite").ConfigureAwait(false));

    public ValueTask DisposeAsync() => process.DisposeAsync();

    public void Dispose() => process.Dispose();
}
