using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderSync.Worker.Observability;

/// <summary>
/// The JSON of /health/live and /health/ready: per check its status and a description safe for anyone who reaches the
/// health port. No data, no exception, and no text of a library or of a thrown exception.
/// </summary>
internal static class HealthReportWriter
{
    /// <summary>Marks a check of this project, whose descriptions are fixed sentences and may be shown.</summary>
    public const string FixedDescriptionTag = "fixed-description";

    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Render(report));
    }

    public static string Render(HealthReport report) => JsonSerializer.Serialize(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new { status = entry.Value.Status.ToString(), description = Describe(entry.Value) }),
    });

    /// <summary>
    /// A check that threw has the exception's message as its description, and MassTransit's carry its exceptions: those
    /// read only as their status here, and the worker's log has the rest.
    /// </summary>
    private static string Describe(HealthReportEntry entry) =>
        entry.Tags.Contains(FixedDescriptionTag) && entry.Exception is null && entry.Description is { } description
            ? description
            : entry.Status == HealthStatus.Healthy ? "Healthy." : $"{entry.Status}; the worker's log says why.";
}
