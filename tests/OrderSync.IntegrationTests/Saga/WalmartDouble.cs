using System.Globalization;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Walmart;
using OrderSync.Worker.WalmartOperations;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// Stands in for the Walmart operation consumer and Walmart behind it: holds each order's lines, settles an operation's lines with the
/// consumer's own <see cref="LinePlanner"/>, applies it, and answers as the consumer does (completed, or failed with the refusal).
/// </summary>
public sealed class WalmartDouble
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WalmartOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, object> _outcomes = [];

    /// <summary>A new order with one line per entry, numbered from 1, nothing shipped or cancelled.</summary>
    public void Seed(string purchaseOrderId, params (string Sku, int Quantity)[] lines)
    {
        lock (_gate)
        {
            _orders[purchaseOrderId] = new WalmartOrder(
                purchaseOrderId,
                "C" + purchaseOrderId,
                "Standard",
                [.. lines.Select((line, index) => new WalmartOrderLine(
                    (index + 1).ToString(CultureInfo.InvariantCulture), line.Sku, line.Quantity, [new WalmartLineStatus("Acknowledged", line.Quantity)], null))]);
        }
    }

    /// <summary>Ships a line outside the saga, as the seller could in Seller Center.</summary>
    public void MarkShipped(string purchaseOrderId, string lineNumber, string trackingNumber)
    {
        lock (_gate)
        {
            var order = _orders[purchaseOrderId];
            _orders[purchaseOrderId] = order with
            {
                Lines = [.. order.Lines.Select(l => l.LineNumber == lineNumber ? Close(l, "Shipped", l.OpenQuantity) with { TrackingNumber = trackingNumber } : l)],
            };
        }
    }

    public WalmartOrder Order(string purchaseOrderId)
    {
        lock (_gate)
        {
            return _orders[purchaseOrderId];
        }
    }

    /// <summary>
    /// Carries the operation out, as Walmart would, and answers what the consumer would publish. A copy of an operation already
    /// carried out gets the same answer again and changes nothing, as the consumer's operation store makes it.
    /// </summary>
    public object Answer(ExecuteWalmartOperation command)
    {
        lock (_gate)
        {
            if (!_outcomes.TryGetValue(command.OperationId, out var outcome) || outcome is WalmartOperationFailed)
            {
                outcome = Carry(command);
                _outcomes[command.OperationId] = outcome;
            }

            return outcome;
        }
    }

    /// <summary>
    /// Walmart applies the operation but the consumer never learns it (a timeout, a 5xx after applying) and gives up: it reports the
    /// failure. A later copy of the same operation finds it applied; a new operation for the same shipment would apply it again.
    /// </summary>
    public WalmartOperationFailed ApplyThenFail(ExecuteWalmartOperation command)
    {
        lock (_gate)
        {
            _outcomes[command.OperationId] = Carry(command);
            return Failure(command, ErrorSources.Integration, "Walmart could not be reached after 4 attempts: the request timed out.", attempts: 4);
        }
    }

    private object Carry(ExecuteWalmartOperation command)
    {
        var order = _orders[command.PurchaseOrderId];
        var plan = command.Kind switch
        {
            WalmartOperationKind.Ship => LinePlanner.PlanShipment(order, command.Shipment!.Items),
            WalmartOperationKind.UpdateTracking => LinePlanner.PlanTrackingUpdate(order, command.Shipment!.Lines),
            _ => LinePlanner.PlanCancellation(order, command.Cancellation?.ShippedInCommerce ?? []),
        };
        if (plan.Refusal is not null)
        {
            return Failure(command, ErrorSources.Commerce, plan.Refusal);
        }

        var lines = order.Lines.ToList();
        foreach (var planned in plan.Lines)
        {
            var index = lines.FindIndex(l => l.LineNumber == planned.LineNumber);
            lines[index] = command.Kind switch
            {
                WalmartOperationKind.Ship => Close(lines[index], "Shipped", planned.Quantity) with { TrackingNumber = command.Shipment!.Track.TrackNumber },
                WalmartOperationKind.UpdateTracking => lines[index] with { TrackingNumber = command.Shipment!.Track.TrackNumber },
                _ => Close(lines[index], "Cancelled", planned.Quantity),
            };
        }

        order = order with { Lines = lines };
        _orders[command.PurchaseOrderId] = order;
        return new WalmartOperationCompleted
        {
            CorrelationId = command.CorrelationId,
            OperationId = command.OperationId,
            Lines = [.. plan.Lines.Select(l => command.Kind == WalmartOperationKind.Cancel
                ? new OperationLine(l.LineNumber, l.Sku, l.Quantity, null, null, command.Cancellation!.WalmartReason)
                : new OperationLine(l.LineNumber, l.Sku, l.Quantity, "UPS", command.Shipment!.Track.TrackNumber, null))],
            Order = [.. order.Lines.Select(l => new OrderLineState(l.LineNumber, l.Sku, l.Quantity, l.ShippedQuantity, l.CancelledQuantity))],
            CompletedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>What the consumer publishes when an operation fails for good, without touching the order.</summary>
    public static WalmartOperationFailed Failure(ExecuteWalmartOperation command, string errorSource, string statusDetails, int attempts = 1) => new()
    {
        CorrelationId = command.CorrelationId,
        OperationId = command.OperationId,
        ErrorSource = errorSource,
        StatusDetails = statusDetails,
        WalmartErrors = errorSource == ErrorSources.Walmart ? [new WalmartErrorDetail("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "trackingNumber", statusDetails)] : [],
        Attempts = attempts,
        FailedAt = DateTimeOffset.UtcNow,
    };

    private static WalmartOrderLine Close(WalmartOrderLine line, string status, int quantity)
    {
        var open = line.OpenQuantity - quantity;
        if (open < 0)
        {
            throw new InvalidOperationException($"Line {line.LineNumber} has {line.OpenQuantity} open, not {quantity}: the double was asked to close a line twice.");
        }

        List<WalmartLineStatus> statuses = [.. line.Statuses.Where(s => s.Status != "Acknowledged"), new WalmartLineStatus(status, quantity)];
        if (open > 0)
        {
            statuses.Insert(0, new WalmartLineStatus("Acknowledged", open));
        }

        return line with { Statuses = statuses };
    }
}
