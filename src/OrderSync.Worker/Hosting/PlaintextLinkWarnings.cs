using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Hosting;

/// <summary>Logs <see cref="PlaintextLinks"/>'s warnings first thing at start, before any connection is opened.</summary>
public sealed class PlaintextLinkWarnings(IOptions<ConnectionStringsOptions> connections, ILogger<PlaintextLinkWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in PlaintextLinks.Warnings(connections.Value))
        {
            logger.LogWarning("Unencrypted link: {Warning}", warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
