using System.Net;
using System.Net.Sockets;

namespace LambdaGuard.Testing.Http;

/// <summary>An http URL on 127.0.0.1 where nothing listens (the port was just free), for "AWS unreachable" tests.</summary>
public static class ClosedLoopbackPort
{
    public static Uri Url()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
