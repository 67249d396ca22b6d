using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderSync.Ingress.Observability;

/// <summary>The worker's health JSON: per check its status and a fixed sentence, never an exception's text.</summary>
internal static class HealthReportWriter
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Exception is null ? entry.Value.Description : $"{entry.Value.Status}; the log says why." }),
        }));
    }
}
