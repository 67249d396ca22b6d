using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSync.Persistence;

namespace OrderSync.Cli.Orders;

/// <summary>
/// An order's sync state as <c>orders show</c> prints it, built from the saga row (the worker's OrderSyncState as JSON, read
/// by property name) and the Walmart call history. The same document is the --json output and the source of the tables.
/// </summary>
public static class OrderDocument
{
    public static JsonObject Build(OrderSyncSagaRow row, IEnumerable<WalmartCallRecord> calls)
    {
        using var state = JsonDocument.Parse(row.Data);
        var data = state.RootElement;
        return new JsonObject
        {
            ["purchaseOrderId"] = row.PurchaseOrderId ?? Text(data, "PurchaseOrderId"),
            ["storeCode"] = row.StoreCode ?? Text(data, "StoreCode"),
            ["orderIncrementId"] = Text(data, "OrderIncrementId"),
            ["orderStatus"] = Text(data, "OrderStatus"),
            ["currentState"] = row.CurrentState ?? Text(data, "CurrentState"),
            ["lastError"] = Text(data, "LastError"),
            ["shipBy"] = Time(data, "ShipBy"),
            ["lastReconciledAt"] = row.LastReconciledAt,
            ["hasOpenWork"] = data.TryGetProperty("HasOpenWork", out var openWork) && openWork.ValueKind == JsonValueKind.True,
            ["correlationId"] = row.CorrelationId.ToString(),
            ["version"] = row.Version,
            ["createdAt"] = row.CreatedAt,
            ["updatedAt"] = row.UpdatedAt,
            ["walmartLines"] = Items(data, "WalmartLines", line => new JsonObject
            {
                ["lineNumber"] = Text(line, "LineNumber"),
                ["sku"] = Text(line, "Sku"),
                ["quantity"] = Number(line, "Quantity"),
                ["shipped"] = Number(line, "Shipped"),
                ["cancelled"] = Number(line, "Cancelled"),
            }),
            ["shipments"] = Items(data, "Shipments", shipment => new JsonObject
            {
                ["shipmentId"] = Text(shipment, "ShipmentId"),
                ["incrementId"] = Text(shipment, "IncrementId"),
                ["status"] = EnumName(shipment, "Status", SagaEnums.ShipmentStatus),
                ["items"] = Items(shipment, "Items", item => new JsonObject
                {
                    ["orderItemId"] = Text(item, "OrderItemId"),
                    ["sku"] = Text(item, "Sku"),
                    ["quantity"] = Number(item, "Quantity"),
                }),
                ["track"] = Child(shipment, "Track") is { } track
                    ? new JsonObject
                    {
                        ["trackNumber"] = Text(track, "TrackNumber"),
                        ["carrierCode"] = Text(track, "CarrierCode"),
                        ["title"] = Text(track, "Title"),
                        ["trackUrl"] = Text(track, "TrackUrl"),
                    }
                    : null,
                ["walmartLines"] = Items(shipment, "WalmartLines", line => JsonValue.Create(Scalar(line))),
                ["sentTrackingNumber"] = Text(shipment, "SentTrackingNumber"),
                ["trackOverdueSince"] = EnumName(shipment, "Status", SagaEnums.ShipmentStatus) == "WaitingForTrack" ? Time(shipment, "TrackOverdueSince") : null,
            }),
            ["cancellation"] = Child(data, "Cancellation") is { } cancellation
                ? new JsonObject
                {
                    ["requestedReason"] = Text(cancellation, "RequestedReason"),
                    ["walmartReason"] = Text(cancellation, "WalmartReason"),
                    ["status"] = EnumName(cancellation, "Status", SagaEnums.CancellationStatus),
                }
                : null,
            ["operations"] = Items(data, "Operations", operation => new JsonObject
            {
                ["operationId"] = Text(operation, "OperationId"),
                ["kind"] = EnumName(operation, "Kind", SagaEnums.OperationKind),
                ["causationId"] = Text(operation, "CausationId"),
                ["shipmentId"] = Text(operation, "ShipmentId"),
                ["status"] = EnumName(operation, "Status", SagaEnums.OperationStatus),
                ["error"] = Text(operation, "Error"),
            }),
            ["heldEvents"] = Items(data, "HeldEvents", held => new JsonObject
            {
                ["sequence"] = Number(held, "Sequence"),
                ["eventId"] = Text(held, "EventId"),
                ["kind"] = Child(held, "Shipment") is not null ? "shipment" : Child(held, "Track") is not null ? "track" : "cancellation",
                ["arrivedAt"] = Text(held, "ArrivedAt"),
            }),
            ["walmartCalls"] = new JsonArray([.. calls.Select(call => (JsonNode)new JsonObject
            {
                ["calledAt"] = call.CalledAt,
                ["operation"] = call.Operation,
                ["operationId"] = call.OperationId,
                ["lines"] = call.LinesJson is null ? null : JsonNode.Parse(call.LinesJson),
                ["httpStatus"] = call.HttpStatus,
                ["outcome"] = call.Outcome,
                ["correlationId"] = call.CorrelationId,
                ["durationMs"] = Math.Round(call.DurationMs, 1),
                ["attempt"] = call.Attempt,
                ["message"] = call.Message,
                ["walmartErrors"] = call.WalmartErrorsJson is null ? null : JsonNode.Parse(call.WalmartErrorsJson),
            })]),
        };
    }

    /// <summary>
    /// Adds <c>walmartBudget</c> when an operation of the order is in flight while its seller's budget at Walmart holds calls
    /// back: calls wait for it, Walmart asked to wait, or it grants less than configured. Reports older than a minute are stale.
    /// </summary>
    public static void AddBudgetWait(JsonObject order, IReadOnlyList<WalmartBudgetRow> budgets, DateTimeOffset now)
    {
        var inFlight = order["operations"]?.AsArray().Any(operation => operation?["status"]?.GetValue<string>() == "InFlight") == true;
        var pressed = budgets
            .Where(budget => now - budget.UpdatedAt < TimeSpan.FromMinutes(1))
            .Where(budget => budget.Waiting > 0 || budget.HeldUntil > now || budget.LearntPerMinute < budget.CeilingPerMinute * 0.9)
            .ToList();
        if (!inFlight || pressed.Count == 0)
        {
            return;
        }

        order["walmartBudget"] = new JsonObject
        {
            ["seller"] = pressed[0].Seller,
            ["endpoints"] = new JsonArray([.. pressed.Select(budget => (JsonNode)new JsonObject
            {
                ["endpoint"] = budget.Endpoint,
                ["learntPerMinute"] = Math.Round(budget.LearntPerMinute, 1),
                ["configuredPerMinute"] = Math.Round(budget.CeilingPerMinute, 1),
                ["waiting"] = budget.Waiting,
                ["heldUntil"] = budget.HeldUntil,
                ["reportedAt"] = budget.UpdatedAt,
            })]),
        };
    }

    /// <summary>Adds <c>shipByNotice</c> when the order has work left and Walmart's ship-by date is within a day or past.</summary>
    public static void AddShipByNotice(JsonObject order, DateTimeOffset now, TimeSpan autoCancelAfter)
    {
        if (order["shipBy"]?.GetValue<DateTimeOffset>() is { } shipBy
            && ShipByNotice.For(shipBy, order["hasOpenWork"]?.GetValue<bool>() == true, now, autoCancelAfter) is { } notice)
        {
            order["shipByNotice"] = notice;
        }
    }

    /// <summary>The order status the saga state holds (Shipped, Partially Shipped, Canceled, Error), or null before any result.</summary>
    public static string? OrderStatus(string data)
    {
        using var state = JsonDocument.Parse(data);
        return Text(state.RootElement, "OrderStatus");
    }

    public static string? LastError(string data)
    {
        using var state = JsonDocument.Parse(data);
        return Text(state.RootElement, "LastError");
    }

    /// <summary>The operations that failed for good: what a resync runs again.</summary>
    public static int FailedOperations(string data)
    {
        using var state = JsonDocument.Parse(data);
        return state.RootElement.TryGetProperty("Operations", out var operations) && operations.ValueKind == JsonValueKind.Array
            ? operations.EnumerateArray().Count(operation => EnumName(operation, "Status", SagaEnums.OperationStatus) == "Failed")
            : 0;
    }

    private static JsonArray Items(JsonElement element, string name, Func<JsonElement, JsonNode?> map) =>
        element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? new JsonArray([.. items.EnumerateArray().Select(map)])
            : [];

    private static JsonElement? Child(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : null;

    private static JsonNode? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? JsonValue.Create(value.GetDecimal()) : null;

    private static string? EnumName(JsonElement element, string name, string[] names) =>
        element.TryGetProperty(name, out var value) ? SagaEnums.Name(value, names) : null;
}
