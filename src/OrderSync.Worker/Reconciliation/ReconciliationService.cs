using Microsoft.Extensions.Options;
using OrderSync.Worker.Messaging;

namespace OrderSync.Worker.Reconciliation;

/// <summary>Runs a <see cref="ReconciliationPass"/> for every seller account every <see cref="ReconciliationOptions.Interval"/>.</summary>
public sealed class ReconciliationService(
    ReconciliationPass pass,
    WalmartOperationLanes lanes,
    IOptions<ReconciliationOptions> options,
    ReconciliationMetrics metrics,
    TimeProvider clock,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var account in lanes.Accounts)
            {
                await RunOnce(account, stoppingToken);
            }
        }
    }

    private async Task RunOnce(Walmart.WalmartAccount account, CancellationToken stoppingToken)
    {
        try
        {
            if (await pass.Run(account, stoppingToken) == "skipped")
            {
                metrics.Pass(account.Key, "skipped");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what this pass sent stands; the next pass, here or elsewhere, compares again.
        }
        catch (Exception exception)
        {
            metrics.Pass(account.Key, "failed");
            logger.LogWarning(exception, "Reconciling seller {Seller} failed; the next pass, in {Interval}, tries again", account.Key, options.Value.Interval);
        }
    }
}
