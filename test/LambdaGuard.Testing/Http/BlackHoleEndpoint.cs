using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LambdaGuard.Testing.Http;

/// <summary>A TCP endpoint on 127.0.0.1 that accepts every connection, reads what it is sent and never answers:
/// the worst case for a client (no refusal, no reset, just silence), as a DynamoDB endpoint behind a broken
/// network path behaves.</summary>
public sealed class BlackHoleEndpoint : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> held = [];
    private int accepted;

    private BlackHoleEndpoint()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Connections accepted so far (each one a request that never got an answer).</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public static BlackHoleEndpoint Start() => new();

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        lock (held)
        {
            foreach (var client in held)
            {
                client.Dispose();
            }
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            lock (held)
            {
                held.Add(client);
            }

            _ = DrainAsync(client);
        }
    }

    // Keep reading so the client's send never blocks; never write anything back.
    private async Task DrainAsync(TcpClient client)
    {
        var buffer = new byte[8192];
        try
        {
            var stream = client.GetStream();
            while (await stream.ReadAsync(buffer, stopping.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
