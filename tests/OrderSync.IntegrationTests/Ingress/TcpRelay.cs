using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>
/// Forwards a loopback port to RabbitMQ. Stopping it is the broker going away for whoever connects through it (connections cut,
/// the port refused) while the test still reads the real broker; starting it again on the same port is the broker back.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _target;
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public TcpRelay(int target)
    {
        _target = target;
        Port = FreePort.Find();
    }

    public int Port { get; }

    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = Accept(_listener, _running.Token);
    }

    public async Task Stop()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        _listener!.Stop();
        while (_clients.TryTake(out var client))
        {
            client.Dispose();
        }

        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await Stop();

    private async Task Accept(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            _clients.Add(inbound);
            _clients.Add(outbound);
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, stopping);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            _ = Pipe(inbound, outbound, stopping);
            _ = Pipe(outbound, inbound, stopping);
        }
    }

    private static async Task Pipe(TcpClient from, TcpClient to, CancellationToken stopping)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
