using System.Text.Json.Nodes;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Orders;

/// <summary>An order's sync state: the order, Walmart's lines, shipments, cancellation, operations and every Walmart call.</summary>
public sealed class ShowOrderCommand : AsyncCommand<OrderSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, OrderSettings settings, CancellationToken cancellationToken)
    {
        await using var database = settings.Database();
        var row = await OrderLookup.Find(new OrderSyncSagaReader(database), settings, cancellationToken);
        var calls = (await new WalmartCallLog(database).ForOrder(row.PurchaseOrderId ?? settings.PurchaseOrderId, cancellationToken))
            .Where(call => row.StoreCode is null || call.StoreCode == row.StoreCode);
        var order = OrderDocument.Build(row, calls);
        if ((row.StoreCode ?? order["storeCode"]?.GetValue<string>()) is { } storeCode)
        {
            OrderDocument.AddBudgetWait(order, await new WalmartBudgetLog(database).ForStore(storeCode, cancellationToken), DateTimeOffset.UtcNow);
        }

        OrderDocument.AddShipByNotice(order, DateTimeOffset.UtcNow, ShipByNotice.AutoCancelAfter());
        if (settings.Json)
        {
            JsonOutput.Write(order);
            return ExitCodes.Success;
        }

        Print(order);
        return ExitCodes.Success;
    }

    private static void Print(JsonObject order)
    {
        var console = AnsiConsole.Console;
        Console.Out.WriteLine($"Order {Text(order, "purchaseOrderId")} (store {Text(order, "storeCode")})");
        console.Write(Tables.Properties(
        [
            ("order increment id", Text(order, "orderIncrementId")),
            ("status", Text(order, "orderStatus") ?? "(no result yet)"),
            ("saga state", Text(order, "currentState")),
            ("last error", Text(order, "lastError")),
            ("created", Tables.Time(order["createdAt"]?.GetValue<DateTimeOffset>())),
            ("ship by (Walmart)", Tables.Time(order["shipBy"]?.GetValue<DateTimeOffset>())),
            ("updated", Tables.Time(order["updatedAt"]?.GetValue<DateTimeOffset>())),
            ("last reconciled", order["lastReconciledAt"] is null ? "(not yet)" : Tables.Time(order["lastReconciledAt"]!.GetValue<DateTimeOffset>())),
            ("saga id", Text(order, "correlationId")),
        ]));

        if (Text(order, "shipByNotice") is { } shipByNotice)
        {
            Console.Out.WriteLine(shipByNotice);
        }

        if (order["walmartBudget"] is JsonObject budget)
        {
            foreach (var endpoint in budget["endpoints"]!.AsArray().OfType<JsonObject>())
            {
                Console.Out.WriteLine(
                    $"Waiting for Walmart's budget: seller {Text(budget, "seller")} is granted about {Text(endpoint, "learntPerMinute")} {Text(endpoint, "endpoint")} calls a minute "
                    + $"(configured {Text(endpoint, "configuredPerMinute")}), {Text(endpoint, "waiting")} calls waiting, as of {Tables.Time(endpoint["reportedAt"]?.GetValue<DateTimeOffset>())}.");
            }
        }

        Section(console, "Walmart lines", order["walmartLines"], ["line", "sku", "quantity", "shipped", "cancelled"],
            line => [Text(line, "lineNumber"), Text(line, "sku"), Text(line, "quantity"), Text(line, "shipped"), Text(line, "cancelled")]);

        Section(console, "Shipments", order["shipments"], ["shipment", "number", "status", "items", "track", "Walmart lines", "tracking sent"],
            shipment => [
                Text(shipment, "shipmentId"),
                Text(shipment, "incrementId"),
                Text(shipment, "status"),
                string.Join(", ", (shipment["items"]?.AsArray() ?? []).Select(item => $"{Text(item, "sku")} x{Text(item, "quantity")}")),
                shipment["track"] is JsonObject track ? $"{Text(track, "title") ?? Text(track, "carrierCode")} {Text(track, "trackNumber")}" : "(waiting for a track)",
                string.Join(", ", (shipment["walmartLines"]?.AsArray() ?? []).Select(line => line?.ToString())),
                Text(shipment, "sentTrackingNumber"),
            ]);

        foreach (var stuck in (order["shipments"]?.AsArray() ?? []).OfType<JsonObject>().Where(shipment => shipment["trackOverdueSince"] is not null))
        {
            Console.Out.WriteLine(
                $"Stuck: shipment {Text(stuck, "incrementId")} has waited too long for its track (reported {Tables.Time(stuck["trackOverdueSince"]?.GetValue<DateTimeOffset>())}); "
                + "add the track in Commerce, or ship it in Seller Center.");
        }

        if (order["cancellation"] is JsonObject cancellation)
        {
            Console.Out.WriteLine("Cancellation");
            console.Write(Tables.Create("requested reason", "Walmart reason", "status")
                .Row(Text(cancellation, "requestedReason"), Text(cancellation, "walmartReason"), Text(cancellation, "status")));
        }

        // Only while the order waits for an event that came after another: an empty section here would only be noise.
        if (order["heldEvents"]?.AsArray().Count > 0)
        {
            Section(console, "Held events (waiting for an earlier event of the order)", order["heldEvents"], ["number", "event", "kind", "arrived"],
                held => [Text(held, "sequence"), Text(held, "eventId"), Text(held, "kind"), Text(held, "arrivedAt")]);
        }

        Section(console, "Operations", order["operations"], ["operation", "kind", "shipment", "status", "answers event", "error"],
            operation => [Text(operation, "operationId"), Text(operation, "kind"), Text(operation, "shipmentId"), Text(operation, "status"),
                Text(operation, "causationId"), Tables.Shorten(Text(operation, "error"), 100)]);

        Section(console, "Walmart calls", order["walmartCalls"], ["time", "operation", "lines", "HTTP", "outcome", "correlation id", "ms", "attempt", "error"],
            call => [
                Tables.Time(call["calledAt"]?.GetValue<DateTimeOffset>()),
                Text(call, "operation"),
                Lines(call["lines"]),
                Text(call, "httpStatus"),
                Text(call, "outcome"),
                Text(call, "correlationId"),
                Text(call, "durationMs"),
                Text(call, "attempt"),
                Tables.Shorten(Text(call, "message"), 100),
            ]);
    }

    private static void Section(IAnsiConsole console, string title, JsonNode? items, string[] columns, Func<JsonNode, string?[]> row)
    {
        var list = items?.AsArray().OfType<JsonNode>().ToList() ?? [];
        if (list.Count == 0)
        {
            Console.Out.WriteLine($"{title}: none");
            return;
        }

        Console.Out.WriteLine(title);
        var table = Tables.Create(columns);
        foreach (var item in list)
        {
            table.Row(row(item));
        }

        console.Write(table);
    }

    /// <summary>The lines of a call as recorded: line numbers when the entries have them, else the JSON as it is.</summary>
    private static string Lines(JsonNode? lines) =>
        lines is JsonArray array && array.All(line => line is JsonObject entry && entry["lineNumber"] is not null)
            ? string.Join(", ", array.Select(line => line!["lineNumber"]!.ToString()))
            : lines?.ToJsonString() ?? string.Empty;

    private static string? Text(JsonNode? node, string name) =>
        node?[name] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
}
