using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Contracts.Events;
using OrderSync.Domain.State;
using OrderSync.Walmart;

namespace OrderSync.Worker.Reconciliation;

/// <summary>
/// One seller's reconciling pass. It takes the seller's lock (one pass per seller, whatever the number of instances) and its
/// turn (a pass per interval across instances), reads the orders the worker holds that have open work or changed since the
/// last pass, asks Walmart once for the seller's orders modified since (pages of 200, with tokens the seller's budget can
/// spare), reads one by one only the orders never compared yet, and hands each order what it found. The order's rules decide
/// what changed; a copy of this message, or a second pass, finds nothing new.
/// </summary>
public sealed class ReconciliationPass(
    NpgsqlDataSource dataSource,
    IWalmartOrdersClient walmart,
    IBus bus,
    IOptions<ReconciliationOptions> options,
    ReconciliationMetrics metrics,
    TimeProvider clock,
    ILogger<ReconciliationPass> logger)
{
    // Walmart's and this machine's clocks differ, and an order changes while a pass runs: each pass asks a little further back.
    private static readonly TimeSpan ModifiedOverlap = TimeSpan.FromMinutes(2);

    // Walmart lists no order created more than 180 days ago.
    private static readonly TimeSpan OldestListed = TimeSpan.FromDays(180);

    private const string TakeTurnSql = """
        insert into reconciliation_seller (seller) values (@seller) on conflict (seller) do nothing;
        update reconciliation_seller set pass_started_at = now()
        where seller = @seller and (pass_started_at is null or pass_started_at <= now() - @turn)
        returning compared_until as ComparedUntil;
        """;

    private const string HeldOrdersSql = """
        select s.correlation_id as CorrelationId, s.purchase_order_id as PurchaseOrderId, s.data::text as Data,
               s.updated_at as UpdatedAt, s.created_at as CreatedAt,
               (select max(w.updated_at) from walmart_operation w where w.correlation_id = s.correlation_id) as LastOperationActivity
        from order_sync_saga s
        where s.store_code = any(@stores)
          and (s.has_open_work or s.current_state = 'Syncing' or (@since::timestamptz is not null and s.updated_at > @since))
        order by s.updated_at
        """;

    /// <returns>The outcome counted: completed, partial, skipped.</returns>
    public async Task<string> Run(WalmartAccount account, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = $"ordersync.reconcile.{account.Key}";
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select pg_try_advisory_lock(hashtextextended(@lockKey, 0))", new { lockKey }, cancellationToken: cancellationToken)))
        {
            return "skipped";
        }

        try
        {
            // A tenth of the interval short, so that an instance whose timer ticks a moment early does not skip its turn.
            var turn = settings.Interval * 0.9;
            var taken = await connection.QuerySingleOrDefaultAsync<SellerTurn>(new CommandDefinition(
                TakeTurnSql, new { seller = account.Key, turn }, cancellationToken: cancellationToken));
            if (taken is null)
            {
                return "skipped";
            }

            var passStarted = clock.GetUtcNow();
            DateTimeOffset? since = taken.ComparedUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null;
            var held = (await connection.QueryAsync<HeldOrder>(new CommandDefinition(
                HeldOrdersSql, new { stores = account.StoreCodes.ToArray(), since = since?.UtcDateTime }, cancellationToken: cancellationToken))).ToList();
            var complete = await Reconcile(account, held, since, passStarted, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "update reconciliation_seller set pass_completed_at = now(), compared_until = coalesce(@comparedUntil, compared_until) where seller = @seller",
                new { seller = account.Key, comparedUntil = complete ? passStarted.UtcDateTime : (DateTime?)null }, cancellationToken: cancellationToken));
            return complete ? "completed" : "partial";
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_unlock(hashtextextended(@lockKey, 0))", new { lockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <returns>False when Walmart could not be read for every order (the budget had nothing to spare, or Walmart failed).</returns>
    private async Task<bool> Reconcile(WalmartAccount account, List<HeldOrder> held, DateTimeOffset? since, DateTimeOffset passStarted, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var storeCode = account.StoreCodes[0];
        var states = held.Select(order => (Order: order, State: OrderSyncState.FromJson(order.Data))).ToList();
        metrics.ShipmentsWaitingTooLong(account.Key, states.Sum(s => s.State.Shipments.Count(
            shipment => shipment.Status == ShipmentStatus.WaitingForTrack && passStarted - shipment.ShippedAt >= settings.TrackWaitWarning)));
        if (states.Count == 0)
        {
            metrics.Pass(account.Key, "completed");
            return true;
        }

        var calls = 0;
        var complete = true;
        var seen = new Dictionary<string, WalmartOrder>(StringComparer.Ordinal);
        var heldIds = states.Select(s => s.State.PurchaseOrderId).ToHashSet(StringComparer.Ordinal);

        // One search for every order Walmart changed since the last pass; an order it does not list has not changed there.
        var oldest = states.Min(s => new DateTimeOffset(DateTime.SpecifyKind(s.Order.CreatedAt, DateTimeKind.Utc)));
        var query = new WalmartOrderQuery
        {
            CreatedStartDate = Later(oldest - TimeSpan.FromDays(30), passStarted - OldestListed),
            LastModifiedStartDate = since - ModifiedOverlap,
        };
        string? cursor = null;
        do
        {
            var page = await walmart.ListOrdersAsync(storeCode, query, cursor, WalmartCallPriority.Spare, cancellationToken);
            calls++;
            if (!page.IsSuccess || page.Value is null)
            {
                logger.LogWarning("Reconciling seller {Seller}: Walmart's order search failed ({Message}); the next pass tries again", account.Key, page.Message);
                complete = false;
                break;
            }

            foreach (var order in page.Value.Orders.Where(o => heldIds.Contains(o.PurchaseOrderId)))
            {
                seen[order.PurchaseOrderId] = order;
            }

            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        // An order not compared yet may have changed on Walmart before the last pass: it is read by itself.
        foreach (var (_, state) in states.Where(s => complete && s.State.ComparedWithWalmartAt is null && s.State.InFlight is null && !seen.ContainsKey(s.State.PurchaseOrderId)))
        {
            var read = await walmart.GetOrderAsync(state.StoreCode, state.PurchaseOrderId, WalmartCallPriority.Spare, cancellationToken);
            calls++;
            if (read is { IsSuccess: true, Value: { } order })
            {
                seen[order.PurchaseOrderId] = order;
            }
            else if (read.Outcome != WalmartOutcome.Permanent)
            {
                complete = false;
                break;
            }
        }

        var passId = Guid.NewGuid();
        var stuckBefore = passStarted - settings.StuckOperationAfter;
        foreach (var (order, state) in states)
        {
            var lastActivity = Latest(order.UpdatedAt, order.LastOperationActivity);
            var stuck = state.InFlight is { } inFlight && lastActivity < stuckBefore ? (IReadOnlyList<Guid>)[inFlight.OperationId] : [];
            await bus.Publish(new WalmartOrderReconciled
            {
                CorrelationId = order.CorrelationId,
                PassId = passId,
                CheckedAt = passStarted,
                WalmartLines = seen.TryGetValue(state.PurchaseOrderId, out var walmartOrder) ? WalmartLineStates.Of(walmartOrder) : null,
                StuckOperations = stuck,
            }, cancellationToken);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update order_sync_saga set last_reconciled_at = @at where correlation_id = any(@ids)",
                new { at = passStarted.UtcDateTime, ids = states.Select(s => s.Order.CorrelationId).ToArray() }, cancellationToken: cancellationToken));
        }

        metrics.OrdersChecked(account.Key, states.Count);
        metrics.WalmartCalls(account.Key, calls);
        metrics.Pass(account.Key, complete ? "completed" : "partial");
        logger.LogInformation(
            "Reconciling seller {Seller}: {Orders} orders checked, {Read} read from Walmart in {Calls} calls{Partial}",
            account.Key, states.Count, seen.Count, calls, complete ? string.Empty : "; Walmart could not be read for every order, the next pass goes on");
        return complete;
    }

    private sealed class SellerTurn
    {
        public DateTime? ComparedUntil { get; init; }
    }

    private static DateTimeOffset Later(DateTimeOffset one, DateTimeOffset other) => one > other ? one : other;

    private static DateTimeOffset Latest(DateTime updatedAt, DateTime? operationActivity)
    {
        var latest = operationActivity is { } activity && activity > updatedAt ? activity : updatedAt;
        return new DateTimeOffset(DateTime.SpecifyKind(latest, DateTimeKind.Utc));
    }
}
