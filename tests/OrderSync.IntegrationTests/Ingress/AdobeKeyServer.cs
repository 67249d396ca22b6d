using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>Adobe's key domain, on loopback: serves the PEM public keys a test registers, and records what was asked of it.</summary>
public sealed class AdobeKeyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _pems = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requested = new();

    private AdobeKeyServer(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.First());

    /// <summary>The paths asked for, in order.</summary>
    public IReadOnlyList<string> Requested => [.. _requested];

    public static async Task<AdobeKeyServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new AdobeKeyServer(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            server._requested.Enqueue(path);
            if (server._pems.TryGetValue(path, out var pem))
            {
                context.Response.ContentType = "application/x-pem-file";
                await context.Response.WriteAsync(pem);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync();
        return server;
    }

    public void Serve(AdobeSigningKey key) => _pems[key.Path] = key.PublicKeyPem;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
