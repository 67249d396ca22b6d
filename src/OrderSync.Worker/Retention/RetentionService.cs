using System.Diagnostics;
using Microsoft.Extensions.Options;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Retention;

/// <summary>Runs a <see cref="RetentionPass"/> every <see cref="RetentionOptions.Interval"/>, the first one an interval after the start.</summary>
public sealed class RetentionService(
    RetentionPass pass, IOptions<RetentionOptions> options, OrderSyncMetrics metrics, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Retention is off (Retention__Enabled=false): nothing is deleted by this instance");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnce(stoppingToken);
        }
    }

    private async Task RunOnce(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var deleted = await pass.TryRun(stoppingToken);
            if (deleted is null)
            {
                metrics.RetentionSkipped();
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RetentionCompleted(deleted.ByTable, elapsed);
            if (deleted.Total > 0)
            {
                logger.LogInformation("Retention deleted {Rows} rows in {Seconds:0.0} s: {Tables}", deleted.Total, elapsed.TotalSeconds, deleted.ToString());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the batches done are committed, the next pass (here or elsewhere) goes on from there.
        }
        catch (Exception exception)
        {
            // The next pass tries again; what this one deleted stays deleted.
            metrics.RetentionFailed();
            logger.LogWarning(exception, "A retention pass failed; the next one, in {Interval}, tries again", options.Value.Interval);
        }
    }
}
