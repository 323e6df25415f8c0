using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LambdaGuard.Testing.Http;

/// <summary>A loopback TCP proxy to another local endpoint (dynalite) that holds every response back by
/// <see cref="Delay"/>: a slow DynamoDB that does answer, only too late.</summary>
public sealed class DelayingProxy : IDisposable
{
    private readonly TcpListener listener;
    private readonly Uri target;
    private readonly CancellationTokenSource stopping = new();

    private DelayingProxy(Uri target, TimeSpan delay)
    {
        this.target = target;
        Delay = delay;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public TimeSpan Delay { get; }

    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static DelayingProxy Start(Uri target, TimeSpan delay) => new(target, delay);

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
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

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(target.Host, target.Port, stopping.Token).ConfigureAwait(false);
                var toServer = client.GetStream().CopyToAsync(upstream.GetStream(), stopping.Token);
                var toClient = DelayedCopyAsync(upstream.GetStream(), client.GetStream());
                await Task.WhenAny(toServer, toClient).ConfigureAwait(false);
                await toClient.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    // Every chunk of an answer waits out the delay before it is passed on, so reused (keep-alive) connections
    // stay slow too.
    private async Task DelayedCopyAsync(Stream from, Stream to)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await from.ReadAsync(buffer, stopping.Token).ConfigureAwait(false)) > 0)
        {
            await Task.Delay(Delay, stopping.Token).ConfigureAwait(false);
            await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token).ConfigureAwait(false);
        }
    }
}
