using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;

namespace OrderSync.Worker.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Readable console lines by default; <c>Logging__Format=json</c> writes compact JSON for a log shipper. Either way an event
    /// is one line whatever its values hold: JSON escapes control characters, and so does the console formatter.
    /// </summary>
    public static IHostApplicationBuilder AddOrderSyncLogging(this IHostApplicationBuilder builder)
    {
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(new ConsoleLogFormatter());
            }
        });
        return builder;
    }
}
