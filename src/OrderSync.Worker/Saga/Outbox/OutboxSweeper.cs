using MassTransit;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.Saga.Outbox;

/// <summary>
/// Keeps the outbox short: deletes the rows delivered since its last turn (a few times a second, one statement for all of
/// them), and delivers the rows a worker left when it stopped between its commit and its delivery (any instance, every few
/// seconds, once they are old enough that no live worker is still sending them).
/// </summary>
public sealed class OutboxSweeper(OrderSyncStore store, OutboxDelivery delivery, IBus bus, OrderSyncMetrics metrics, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan DeleteInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SweepAge = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits a turn, for the bus to start.
        var nextSweep = DateTimeOffset.UtcNow + SweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(DeleteInterval, stoppingToken);
                await store.DeleteDelivered(stoppingToken);
                if (DateTimeOffset.UtcNow >= nextSweep)
                {
                    nextSweep = DateTimeOffset.UtcNow + SweepInterval;
                    await DeliverLeftovers(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The outbox could not be swept; trying again");
            }
        }

        // What was delivered before the stop need not be delivered again by another instance.
        await store.DeleteDelivered(CancellationToken.None);
    }

    private async Task DeliverLeftovers(CancellationToken cancellationToken)
    {
        foreach (var order in await store.OrdersLeftUndelivered(SweepAge, cancellationToken))
        {
            // One order's rows that cannot be sent must not hold back the others'.
            try
            {
                var count = await store.DeliverLeftovers(order, messages => delivery.Deliver(bus, messages, cancellationToken), cancellationToken);
                if (count > 0)
                {
                    metrics.OutboxDeliveredLate(count);
                    logger.LogWarning("Order {CorrelationId}: delivered {Count} messages a stopped worker had saved but not sent", order, count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Order {CorrelationId}: its saved messages could not be sent; trying again at the next sweep", order);
            }
        }
    }
}
