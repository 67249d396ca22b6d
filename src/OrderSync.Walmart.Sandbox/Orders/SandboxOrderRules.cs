using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>What Walmart allows on an order's lines, applied to a draft that is kept only when no error was raised.</summary>
public static class SandboxOrderRules
{
    public static List<SandboxError> Ship(SandboxOrder order, ShipmentRequest request, bool requireAcknowledge, TimeSpan trackingChangeWindow, DateTimeOffset now)
    {
        var errors = new List<SandboxError>();
        foreach (var instruction in request.Lines)
        {
            var line = order.FindLine(instruction.LineNumber);
            if (line is null)
            {
                errors.Add(UnknownLine(order, instruction.LineNumber));
            }
            else if (request.IsPartialUpdate)
            {
                UpdateTracking(line, instruction, trackingChangeWindow, errors, now);
            }
            else if (RefuseClosing(line, instruction.Quantity) is { } refusal)
            {
                errors.Add(refusal);
            }
            else if (line.IntentToCancel && !instruction.IntentToCancelOverride)
            {
                errors.Add(SandboxError.InvalidContent("intentToCancelOverride",
                    $"Order line {line.LineNumber} has an intent to cancel from the customer; pass intentToCancelOverride as true to ship it"));
            }
            else if (requireAcknowledge && instruction.Quantity > line.QuantityIn(LineStatuses.Acknowledged))
            {
                errors.Add(SandboxError.InvalidContent("orderLineStatus",
                    $"Purchase order {order.PurchaseOrderId} must be acknowledged before order line {line.LineNumber} is shipped"));
            }
            else
            {
                line.Close(instruction.Quantity, new SandboxLineStatus(LineStatuses.Shipped, instruction.Quantity, instruction.Tracking), now);
            }
        }

        return errors;
    }

    public static List<SandboxError> Cancel(SandboxOrder order, CancellationRequest request, DateTimeOffset now)
    {
        var errors = new List<SandboxError>();
        foreach (var instruction in request.Lines)
        {
            var line = order.FindLine(instruction.LineNumber);
            if (line is null)
            {
                errors.Add(UnknownLine(order, instruction.LineNumber));
            }
            else if (RefuseClosing(line, instruction.Quantity) is { } refusal)
            {
                errors.Add(refusal);
            }
            else
            {
                line.Close(instruction.Quantity, new SandboxLineStatus(LineStatuses.Cancelled, instruction.Quantity, CancellationReason: instruction.Reason), now);
            }
        }

        return errors;
    }

    public static List<SandboxError> Acknowledge(SandboxOrder order, DateTimeOffset now)
    {
        order.Lines.ForEach(line => line.Acknowledge(now));
        return [];
    }

    private static void UpdateTracking(
        SandboxOrderLine line, ShipmentLineInstruction instruction, TimeSpan trackingChangeWindow, List<SandboxError> errors, DateTimeOffset now)
    {
        if (line.QuantityIn(LineStatuses.Shipped) == 0)
        {
            errors.Add(SandboxError.InvalidContent("processMode", $"Order line {line.LineNumber} is not shipped, so its tracking cannot be updated"));
        }
        else if (line.FirstShippedAt is { } shippedAt && now - shippedAt > trackingChangeWindow)
        {
            errors.Add(SandboxError.InvalidContent("processMode",
                $"Tracking of order line {line.LineNumber} can be updated only within {InWords(trackingChangeWindow)} of its first shipping update; update it in Seller Center"));
        }
        else if (instruction.CurrentTrackingNumber is { } current && !line.HasTrackingNumber(current))
        {
            errors.Add(SandboxError.InvalidContent("currentTrackingInfo", $"Order line {line.LineNumber} has no tracking number {current}"));
        }
        else
        {
            line.ReplaceTracking(instruction.CurrentTrackingNumber, instruction.Tracking, now);
        }
    }

    /// <summary>Why the units cannot be shipped or cancelled, or null when they can.</summary>
    private static SandboxError? RefuseClosing(SandboxOrderLine line, int quantity)
    {
        var open = line.OpenQuantity;
        if (open == 0)
        {
            var state = line.ShippedQuantity > 0 ? "shipped"
                : line.QuantityIn(LineStatuses.Cancelled) > 0 ? "cancelled"
                : "closed";
            return SandboxError.InvalidContent("orderLineStatus", $"Order line {line.LineNumber} is already {state}");
        }

        return quantity > open
            ? SandboxError.InvalidContent("statusQuantity", $"Quantity {quantity} of order line {line.LineNumber} is more than its open quantity {open}")
            : null;
    }

    private static string InWords(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerHour == 0 ? $"{window.TotalHours:0} hours" : $"{window.TotalSeconds:0.###} seconds";

    private static SandboxError UnknownLine(SandboxOrder order, string lineNumber) =>
        SandboxError.InvalidContent("lineNumber", $"Order line {lineNumber} does not exist on purchase order {order.PurchaseOrderId}");
}
