using MassTransit;
using Microsoft.Extensions.Options;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain;
using OrderSync.Domain.Decisions;
using OrderSync.Domain.State;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Reconciliation;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Saga;

/// <summary>
/// The saga: each message of an order is handed to <see cref="OrderSyncRules"/> with the order's state, locked for the time of
/// it; the new state and what the rules decided to send are saved in one transaction, then sent. Its messages come through
/// <see cref="OrderSyncConsumer"/>, and Walmart's outcomes straight from the operation consumer, which saves them a trip
/// through the broker.
/// </summary>
public sealed class OrderSyncSaga(
    IOrderSyncStore store,
    OutboxDelivery outbox,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    OrderSyncMetrics metrics,
    IOptions<ReconciliationOptions> reconciliation,
    ReconciliationMetrics reconciliationMetrics,
    ILogger<OrderSyncSaga> logger)
{
    private TimeSpan ArrivalWait => options.Value.ArrivalOrderWait;

    private TimeSpan TrackingChangeWindow => options.Value.TrackingChangeWindow;

    public Task Handle(ShipmentReceived message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(ShipmentReceived), IfNew.Start, (state, now) => OrderSyncRules.On(state, message, now, ArrivalWait, TrackingChangeWindow));

    public Task Handle(TrackReceived message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(TrackReceived), IfNew.Start, (state, now) => OrderSyncRules.On(state, message, now, ArrivalWait, TrackingChangeWindow));

    public Task Handle(CancellationRequested message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(CancellationRequested), IfNew.Start, (state, now) => OrderSyncRules.On(state, message, now, ArrivalWait));

    public Task Handle(CommerceEventRejected message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(CommerceEventRejected), IfNew.Start, (state, now) => OrderSyncRules.On(state, message, now, ArrivalWait));

    public Task Handle(HeldEventsDue message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(HeldEventsDue), IfNew.Ignore, (state, now) => OrderSyncRules.On(state, message, now, ArrivalWait));

    public Task Handle(ResyncRequested message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(ResyncRequested), IfNew.Refuse, (state, _) => OrderSyncRules.On(state, message));

    public Task Handle(WalmartOperationCompleted message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(WalmartOperationCompleted), IfNew.Refuse, (state, _) => OrderSyncRules.On(state, message));

    public Task Handle(WalmartOperationFailed message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(WalmartOperationFailed), IfNew.Refuse, (state, _) => OrderSyncRules.On(state, message));

    public Task Handle(WalmartOrderReconciled message, ConsumeContext context) =>
        Apply(context, message.CorrelationId, typeof(WalmartOrderReconciled), IfNew.Ignore, (state, now) => OrderSyncRules.On(state, message, now, reconciliation.Value.TrackWait));

    private async Task Apply(ConsumeContext context, Guid correlationId, Type messageType, IfNew ifNew, Func<OrderSyncState, DateTimeOffset, Decided> decide)
    {
        var cancellationToken = context.CancellationToken;
        IReadOnlyList<OutboxMessage> stored;
        Decided decided;
        OrderSyncState state;
        await using (var transaction = await store.Begin(correlationId, cancellationToken))
        {
            if (transaction.State is { } saved)
            {
                state = saved;
            }
            else if (ifNew == IfNew.Start)
            {
                state = OrderSyncState.New(correlationId);
            }
            else if (ifNew == IfNew.Ignore)
            {
                return;
            }
            else
            {
                throw new OrderNotFoundException($"No Commerce event has reached order {correlationId}, so there is nothing to apply this {messageType.Name} to.");
            }

            decided = decide(state, clock.GetUtcNow());
            if (decided.Refusal is { } refusal)
            {
                throw new ConflictingEventException(refusal.Reason) { PurchaseOrderId = state.PurchaseOrderId, StoreCode = state.StoreCode };
            }

            var messages = decided.Decisions.Select(d => OutboxMessage.From(correlationId, d)).OfType<OutboxMessage>().ToList();
            if (!decided.StateChanged && messages.Count == 0)
            {
                Report(state, decided);
                return;
            }

            stored = await transaction.Commit(state, decided.StateChanged, messages, cancellationToken);
        }

        Report(state, decided);
        try
        {
            await outbox.Deliver(context, stored, cancellationToken);
            store.Delivered(stored);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Saved, so not lost: the outbox sweeper delivers what is left, from this instance or another.
            logger.LogWarning(exception, "Order {PurchaseOrderId}: {Count} messages saved but not sent yet; the outbox will send them", state.PurchaseOrderId, stored.Count);
        }
    }

    private void Report(OrderSyncState state, Decided decided)
    {
        foreach (var decision in decided.Decisions)
        {
            switch (decision)
            {
                case SendOperation send:
                    logger.LogInformation("Order {PurchaseOrderId}: sending {Kind} operation {OperationId}", state.PurchaseOrderId, send.Command.Kind, send.Command.OperationId);
                    break;
                case PublishResult { Result.Data: ChangedOnWalmartData changed } publish:
                    reconciliationMetrics.ChangesFound(state.StoreCode, changed.Lines);
                    logger.LogInformation(
                        "Order {PurchaseOrderId}: Walmart shows changes Commerce did not make: {Changes}; result {ResultType} {OrderStatus}", state.PurchaseOrderId,
                        string.Join(", ", changed.Lines.Select(l => $"line {l.LineNumber} {l.Change} ({l.Quantity})")), publish.Result.Type, changed.OrderStatus);
                    break;
                case PublishResult publish:
                    metrics.Synced(publish.Result.Type, publish.LatencyFrom, publish.Result.Time);
                    logger.LogInformation(
                        "Order {PurchaseOrderId}: result {ResultType} {OrderStatus}", state.PurchaseOrderId, publish.Result.Type, publish.Result.Data.OrderStatus);
                    break;
                case ReleaseHeldEvent release:
                    logger.LogInformation(
                        "Order {PurchaseOrderId}: releasing held event {EventId} (number {Sequence})", state.PurchaseOrderId, release.Event.Context.EventId, release.Sequence);
                    break;
                case EventHeld held:
                    logger.LogInformation(
                        "Order {PurchaseOrderId}: holding event {EventId} (number {Sequence}) until the events before it, from number {Next}, are applied",
                        state.PurchaseOrderId, held.EventId, held.Sequence, held.NextExpected);
                    break;
                case AppliedWithoutEarlierEvents skipped:
                    metrics.AppliedOutOfArrivalOrder();
                    logger.LogWarning(
                        "Order {PurchaseOrderId}: applying event {EventId} (number {Sequence}) without events {FirstMissing} to {LastMissing}, " +
                        "which have not reached the saga within {ArrivalOrderWait}",
                        state.PurchaseOrderId, skipped.EventId, skipped.Sequence, skipped.FirstMissing, skipped.LastMissing, ArrivalWait);
                    break;
                case OperationsRequeued requeued:
                    logger.LogInformation(
                        "Order {PurchaseOrderId}: resync by {RequestedBy} queued {Count} failed operations again", state.PurchaseOrderId, requeued.RequestedBy, requeued.Count);
                    break;
                case OperationRedispatched redispatched:
                    reconciliationMetrics.StuckOperationRedispatched(state.StoreCode);
                    logger.LogWarning(
                        "Order {PurchaseOrderId}: {Kind} operation {OperationId} was in flight longer than {StuckAfter} with nothing to carry it; sent again",
                        state.PurchaseOrderId, redispatched.Kind, redispatched.OperationId, reconciliation.Value.StuckOperationAfter);
                    break;
                case ShipmentTrackOverdue overdue:
                    reconciliationMetrics.TrackOverdue(state.StoreCode);
                    logger.LogWarning(
                        "Order {PurchaseOrderId}: shipment {ShipmentIncrementId} has waited {Waited} for its track; Walmart gets nothing until Commerce adds one",
                        state.PurchaseOrderId, overdue.ShipmentIncrementId, overdue.Waited);
                    break;
                case CopyIgnored copy:
                    logger.LogInformation("Order {PurchaseOrderId}: {What} was already applied", state.PurchaseOrderId, copy.What);
                    break;
            }
        }
    }

    private enum IfNew
    {
        Start,
        Ignore,
        Refuse,
    }
}
