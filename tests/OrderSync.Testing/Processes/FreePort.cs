using System.Net;
using System.Net.Sockets;

namespace OrderSync.Testing.Processes;

public static class FreePort
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on at the moment.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
