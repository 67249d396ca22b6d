using System.Diagnostics;
using System.Text;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>Records every call to the Walmart API (/v3) with what it asked and how it was answered.</summary>
public sealed class CallRecordingMiddleware(RequestDelegate next, SandboxCallLog callLog, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v3", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var sequence = callLog.NextSequence();
        var receivedAt = timeProvider.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;

        try
        {
            await next(context);
        }
        finally
        {
            var answered = !context.RequestAborted.IsCancellationRequested;
            callLog.Add(new RecordedCall(
                sequence,
                receivedAt,
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Items[SandboxHttpItems.Operation]?.ToString(),
                context.Request.RouteValues["purchaseOrderId"]?.ToString(),
                context.Items[SandboxHttpItems.Seller] as string,
                context.Request.Headers["WM_QOS.CORRELATION_ID"].FirstOrDefault(),
                answered ? context.Response.StatusCode : null,
                context.Items[SandboxHttpItems.Fault] as string,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                body.Length == 0 ? null : body));
        }
    }
}
