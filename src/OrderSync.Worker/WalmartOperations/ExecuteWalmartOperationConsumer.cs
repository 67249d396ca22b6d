using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Persistence;
using OrderSync.Walmart;
using OrderSync.Walmart.Tracking;
using OrderSync.Worker.Messaging.Redelivery;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Reconciliation;
using OrderSync.Worker.Saga;

namespace OrderSync.Worker.WalmartOperations;

/// <summary>
/// Makes one Walmart operation happen exactly once: it settles the lines before the first call, reads the order before every
/// call, and leaves out lines already in the wanted state, so a retry, a copy of the command or a lost answer never ships twice.
/// The outcome goes to the order's saga in this process, not through the broker.
/// </summary>
public sealed class ExecuteWalmartOperationConsumer(
    IWalmartOrdersClient walmart,
    WalmartCarrierMapper carriers,
    IOptions<WalmartOptions> walmartOptions,
    OrderSyncMetrics metrics,
    WalmartOperationStore operations,
    WalmartCallRecorder calls,
    OrderSyncSaga saga,
    TimeProvider clock,
    ILogger<ExecuteWalmartOperationConsumer> logger) : IConsumer<ExecuteWalmartOperation>, IRedeliveryExhausted<ExecuteWalmartOperation>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<ExecuteWalmartOperation> context)
    {
        var command = context.Message;
        var begun = await operations.TryBegin(
            new OperationStart(command.OperationId, command.CorrelationId, command.StoreCode, command.PurchaseOrderId, command.Kind.ToString(), command.CausationId),
            context.CancellationToken);
        await using var session = begun.Session;
        if (begun.UnknownToItsOrder)
        {
            logger.LogWarning(
                "Operation {OperationId} of order {PurchaseOrderId} is not one its order asked for (an order removed by retention, or never synced); this copy is dropped",
                command.OperationId, command.PurchaseOrderId);
            return;
        }

        if (session is null)
        {
            logger.LogInformation("Operation {OperationId} of order {PurchaseOrderId} is running elsewhere; this copy is dropped", command.OperationId, command.PurchaseOrderId);
            return;
        }

        var row = session.Row;
        if (row is { IsSucceeded: true, Result: not null })
        {
            await saga.Handle(JsonSerializer.Deserialize<WalmartOperationCompleted>(row.Result, Json)!, context);
            return;
        }

        var attempt = new CallAttempt(command, row.Attempts + 1);
        try
        {
            var completed = await Execute(attempt, session, context.CancellationToken);
            await session.Succeeded(JsonSerializer.Serialize(completed, Json), context.CancellationToken);
            await saga.Handle(completed, context);
        }
        catch (OperationFailure failure) when (failure.IsThrottled)
        {
            // The client waited for the seller's budget as long as RateLimits:MaxWait allows; longer waits free the lane in a wait queue.
            throw new WalmartThrottledException(failure.Message, failure.RetryAt);
        }
        catch (OperationFailure failure) when (failure.IsPermanent)
        {
            var attempts = await session.RecordFailure(failure.Message, context.CancellationToken);
            await Fail(context, command, attempts, failure.ErrorSource, failure.Message, failure.Errors, attempt.ShipBy);
            throw new OperationRefusedException(failure.Message, failure)
            {
                PurchaseOrderId = command.PurchaseOrderId,
                StoreCode = command.StoreCode,
                WalmartErrors = failure.Errors,
            };
        }
        catch (OperationFailure failure)
        {
            await session.RecordFailure(failure.Message, context.CancellationToken);
            throw new WalmartUnavailableException(failure.Message, failure);
        }
    }

    /// <summary>The operation's retries ran out: it ends in Error, and its command is dead-lettered for an operator.</summary>
    public async Task Exhausted(ConsumeContext<ExecuteWalmartOperation> context, Exception lastFailure)
    {
        var command = context.Message;
        var row = await operations.Begin(
            new OperationStart(command.OperationId, command.CorrelationId, command.StoreCode, command.PurchaseOrderId, command.Kind.ToString(), command.CausationId),
            context.CancellationToken);
        if (row is null)
        {
            // Its order is gone, removed by retention: no order to put in Error; the command is still dead-lettered.
            return;
        }

        var details = $"Walmart could not be reached after {row.Attempts} attempts: {lastFailure.Message}";
        await Fail(context, command, row.Attempts, Contracts.Events.ErrorSources.Integration, details, [], shipBy: null);
    }

    private async Task<WalmartOperationCompleted> Execute(CallAttempt attempt, OperationSession session, CancellationToken cancellationToken)
    {
        var command = attempt.Command;
        var order = await Call(attempt, session, "get-order", null, () => walmart.GetOrderAsync(command.StoreCode, command.PurchaseOrderId, cancellationToken));

        // The result reports the lines' customer cancel requests as the call was made on them, whatever Walmart's answer shows.
        var read = order;

        var plan = session.Row.PlannedLines is { } savedPlan ? Deserialize(savedPlan) : await SavePlan(session, command, order, cancellationToken);
        var tracking = command.Kind == WalmartOperationKind.Cancel ? null : carriers.Check(TrackingOf(command.Shipment!.Track));
        var pending = command.Kind == WalmartOperationKind.UpdateTracking
            ? LinePlanner.StillToRetrack(order, plan, tracking!.TrackingNumber)
            : LinePlanner.StillToApply(order, plan);

        if (pending.Count > 0)
        {
            // A retry whose plan was saved before has the read still unwritten: it goes before the call that changes the order.
            await session.WriteCalls(cancellationToken);

            // After the plan is saved: a shipment refused for its tracking keeps its lines until Commerce corrects it.
            RefuseUnsendableTracking(command.StoreCode, tracking);
            order = command.Kind switch
            {
                WalmartOperationKind.Ship => await Call(attempt, session, "ship", pending,
                    () => walmart.ShipLinesAsync(command.StoreCode, command.PurchaseOrderId, ShipRequests(command, order, pending), cancellationToken)),
                WalmartOperationKind.UpdateTracking => await Call(attempt, session, "update-tracking", pending,
                    () => walmart.UpdateTrackingAsync(command.StoreCode, command.PurchaseOrderId, ShipRequests(command, order, pending), cancellationToken)),
                _ => await Call(attempt, session, "cancel", pending,
                    () => walmart.CancelLinesAsync(command.StoreCode, command.PurchaseOrderId, CancelRequests(command, order, pending), cancellationToken)),
            };
        }
        else
        {
            logger.LogInformation("Operation {OperationId}: Walmart order {PurchaseOrderId} already shows it applied", command.OperationId, command.PurchaseOrderId);
        }

        var completed = new WalmartOperationCompleted
        {
            CorrelationId = command.CorrelationId,
            OperationId = command.OperationId,
            Lines = [.. plan.Select(p => OperationLineFor(command, p, read, order))],
            Order = WalmartLineStates.Of(order),
            CompletedAt = clock.GetUtcNow(),
            ShipBy = attempt.ShipBy,
            Warnings = tracking is { Verdict: TrackingVerdict.Unrecognised, Message: { } warning } ? [warning] : [],
        };
        if (tracking is not null)
        {
            metrics.TrackingChecked(command.StoreCode, tracking.Verdict.ToString().ToLowerInvariant());
        }

        return completed;
    }

    /// <summary>
    /// Tracking Walmart would refuse stops before the call that changes the order, and so does tracking it may count as
    /// invalid when Walmart:UnrecognisedTracking says Refuse; otherwise that goes out with a warning in the result.
    /// </summary>
    private void RefuseUnsendableTracking(string storeCode, TrackingCheck? check)
    {
        var refuse = check is not null
            && (check.Verdict == TrackingVerdict.Refused
                || (check.Verdict == TrackingVerdict.Unrecognised && walmartOptions.Value.UnrecognisedTracking == UnrecognisedTracking.Refuse));
        if (!refuse)
        {
            return;
        }

        metrics.TrackingChecked(storeCode, check!.Verdict.ToString().ToLowerInvariant());
        var reason = check.Verdict == TrackingVerdict.Refused
            ? check.Message!
            : $"{check.Message} It was not sent ({WalmartOptions.SectionName}:UnrecognisedTracking is Refuse): correct the track in Commerce.";
        throw OperationFailure.Permanent(
            Contracts.Events.ErrorSources.Commerce, reason, [.. check.Refusals.Select(e => new WalmartErrorDetail(e.Code, e.Field, e.Description))]);
    }

    private static TrackingDetails TrackingOf(ShipmentTrack track) => new(track.CarrierCode, track.Title, track.TrackNumber, track.TrackUrl);

    private static async Task<IReadOnlyList<PlannedLine>> SavePlan(OperationSession session, ExecuteWalmartOperation command, WalmartOrder order, CancellationToken cancellationToken)
    {
        var plan = command.Kind switch
        {
            WalmartOperationKind.Ship => LinePlanner.PlanShipment(order, command.Shipment!.Items, [.. session.UnfinishedShipPlans.SelectMany(Deserialize)]),
            WalmartOperationKind.UpdateTracking => LinePlanner.PlanTrackingUpdate(order, command.Shipment!.Lines),
            _ => LinePlanner.PlanCancellation(order, command.Cancellation?.ShippedInCommerce ?? []),
        };
        if (plan.Refusal is not null)
        {
            throw OperationFailure.Permanent(Contracts.Events.ErrorSources.Commerce, plan.Refusal);
        }

        return Deserialize(await session.SavePlan(JsonSerializer.Serialize(plan.Lines, Json), cancellationToken));
    }

    private async Task<WalmartOrder> Call(
        CallAttempt attempt, OperationSession session, string operation, IReadOnlyList<PlannedLine>? lines, Func<Task<WalmartResponse<WalmartOrder>>> call)
    {
        var response = await call();
        calls.Record(session, attempt, operation, lines, response);
        attempt.ShipBy = response.Value?.ShipBy ?? attempt.ShipBy;
        var errors = response.Errors.Select(e => new WalmartErrorDetail(e.Code, e.Field, e.Description)).ToList();
        return response.Outcome switch
        {
            WalmartOutcome.Success when response.Value is not null => response.Value,
            WalmartOutcome.Permanent => throw OperationFailure.Permanent(
                response.HttpStatus is null ? Contracts.Events.ErrorSources.Commerce : Contracts.Events.ErrorSources.Walmart, response.Message, errors),
            WalmartOutcome.Throttled => throw OperationFailure.Throttled(response.Message, response.RetryAt),
            _ => throw OperationFailure.Transient(response.Message, errors),
        };
    }

    private async Task Fail(
        ConsumeContext context, ExecuteWalmartOperation command, int attempts, string errorSource, string details, IReadOnlyList<WalmartErrorDetail> errors, DateTimeOffset? shipBy)
    {
        logger.LogWarning("Operation {OperationId} of Walmart order {PurchaseOrderId} failed: {StatusDetails}", command.OperationId, command.PurchaseOrderId, details);
        await operations.Failed(command.OperationId, details, context.CancellationToken);
        await saga.Handle(new WalmartOperationFailed
        {
            CorrelationId = command.CorrelationId,
            OperationId = command.OperationId,
            ErrorSource = errorSource,
            StatusDetails = details,
            WalmartErrors = errors,
            Attempts = attempts,
            FailedAt = clock.GetUtcNow(),
            ShipBy = shipBy,
        }, context);
    }

    private static List<ShipLineRequest> ShipRequests(ExecuteWalmartOperation command, WalmartOrder order, IReadOnlyList<PlannedLine> lines)
    {
        var shipment = command.Shipment!;
        var tracking = TrackingOf(shipment.Track);
        return [.. lines.Select(l => new ShipLineRequest(
            l.LineNumber, l.Quantity, SellerOrderId(command), shipment.ShippedAt, tracking, order.MethodCode ?? "Standard")
        {
            IntentToCancelOverride = CustomerCancelRequests.IsRequested(order, l.LineNumber),
        })];
    }

    private static List<CancelLineRequest> CancelRequests(ExecuteWalmartOperation command, WalmartOrder order, IReadOnlyList<PlannedLine> lines) =>
        [.. lines.Select(l => new CancelLineRequest(
            l.LineNumber, l.Quantity, CustomerCancelRequests.CancellationReasonFor(order, l.LineNumber, command.Cancellation!.WalmartReason)))];

    private static string SellerOrderId(ExecuteWalmartOperation command)
    {
        var id = string.IsNullOrEmpty(command.OrderIncrementId) ? command.PurchaseOrderId : command.OrderIncrementId;
        return id.Length <= 30 ? id : id[..30];
    }

    /// <summary>What Walmart holds after the operation: its tracking number, which may differ from the one asked when an earlier attempt was applied.</summary>
    private OperationLine OperationLineFor(ExecuteWalmartOperation command, PlannedLine line, WalmartOrder read, WalmartOrder order) => command.Kind == WalmartOperationKind.Cancel
        ? new OperationLine(line.LineNumber, line.Sku, line.Quantity, null, null,
            CustomerCancelRequests.CancellationReasonFor(read, line.LineNumber, command.Cancellation!.WalmartReason))
        : new OperationLine(
            line.LineNumber,
            line.Sku,
            line.Quantity,
            CarrierName(command.Shipment!.Track),
            order.Lines.FirstOrDefault(l => l.LineNumber == line.LineNumber)?.TrackingNumber ?? command.Shipment.Track.TrackNumber,
            null)
        {
            CustomerRequestedCancel = CustomerCancelRequests.IsRequested(read, line.LineNumber),
        };

    private string CarrierName(ShipmentTrack track)
    {
        var carrier = carriers.Map(TrackingOf(track));
        return carrier.Carrier ?? carrier.OtherCarrier ?? track.CarrierCode;
    }

    private static IReadOnlyList<PlannedLine> Deserialize(string json) => JsonSerializer.Deserialize<List<PlannedLine>>(json, Json)!;
}
