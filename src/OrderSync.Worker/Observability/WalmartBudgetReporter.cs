using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderSync.Persistence;
using OrderSync.Walmart.Budget;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Writes the budgets of the sellers this instance calls for to the database every few seconds, so that <c>orders show</c>,
/// run anywhere, can say an order waits for Walmart's budget and how large it is.
/// </summary>
public sealed partial class WalmartBudgetReporter(WalmartBudgets budgets, WalmartBudgetLog log, ILogger<WalmartBudgetReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var states = budgets.States();
            if (states.Count == 0)
            {
                continue;
            }

            try
            {
                await log.Report(
                    [.. states.Select(state => new WalmartBudgetRow
                    {
                        Seller = state.Seller,
                        Endpoint = state.Endpoint,
                        StoreCodes = [.. state.StoreCodes],
                        LearntPerMinute = state.RatePerSecond * 60,
                        CeilingPerMinute = state.CeilingPerSecond * 60,
                        Waiting = state.Waiting,
                        HeldUntil = state.HeldUntil == default ? null : state.HeldUntil,
                    })],
                    stoppingToken);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
            {
                // Only a view for operators: the next tick writes it again.
                NotReported(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "The sellers' Walmart budgets could not be written for orders show: {Reason}")]
    private static partial void NotReported(ILogger logger, string reason);
}
