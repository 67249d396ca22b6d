using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderSync.IntegrationTests.Observability;

/// <summary>An OTLP/HTTP collector stand-in: keeps each protobuf batch posted to /v1/traces, to look for strings in.</summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _batches = new();

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public int Batches => _batches.Count;

    public static async Task<OtlpTraceReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpTraceReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._batches.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Protobuf keeps strings as UTF-8 bytes: a span name, attribute value or service name shows up as it is.</summary>
    public bool Received(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _batches.Any(batch => batch.AsSpan().IndexOf(bytes) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
