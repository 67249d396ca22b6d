using System.Globalization;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>Reads what the sandbox did to an order: its lines, and every ship instruction it received.</summary>
public static class SandboxLedger
{
    public static async Task<IReadOnlyList<SandboxLine>> Lines(WalmartSandbox sandbox, string purchaseOrderId)
    {
        var order = await sandbox.Order(purchaseOrderId);
        return [.. order.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray().Select(line =>
        {
            var statuses = line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus").EnumerateArray().ToList();
            int Quantity(string status) => statuses.Where(s => s.GetProperty("status").GetString() == status).Sum(Amount);
            return new SandboxLine(
                line.GetProperty("lineNumber").GetString()!,
                line.GetProperty("item").GetProperty("sku").GetString()!,
                int.Parse(line.GetProperty("orderLineQuantity").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                Quantity("Shipped"),
                Quantity("Cancelled"),
                [.. statuses.Where(s => s.TryGetProperty("trackingInfo", out _)).Select(s => s.GetProperty("trackingInfo").GetProperty("trackingNumber").GetString()!)],
                [.. statuses.Where(s => s.TryGetProperty("cancellationReason", out _)).Select(s => s.GetProperty("cancellationReason").GetString()!)]);
        })];
    }

    /// <summary>Every line of every shipping call the sandbox received for the order, ship or tracking update, applied or not.</summary>
    public static async Task<IReadOnlyList<ShipInstruction>> ShipInstructions(WalmartSandbox sandbox, string purchaseOrderId) =>
        [.. (await sandbox.Calls(purchaseOrderId)).Where(c => c.GetProperty("operation").GetString() == "shipping").SelectMany(Instructions)];

    /// <summary>Units each line received from ship calls (not tracking updates) that the sandbox applied.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> UnitsShippedByCalls(WalmartSandbox sandbox, string purchaseOrderId) =>
        (await ShipInstructions(sandbox, purchaseOrderId))
            .Where(i => i.Applied && !i.IsTrackingUpdate)
            .GroupBy(i => i.LineNumber)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));

    public static bool WasApplied(JsonElement call) =>
        call.GetProperty("statusCode") is { ValueKind: JsonValueKind.Number } status && status.GetInt32() is >= 200 and < 300
        || (call.GetProperty("fault").ValueKind == JsonValueKind.String && call.GetProperty("fault").GetString()!.Contains("apply-then", StringComparison.Ordinal));

    private static IEnumerable<ShipInstruction> Instructions(JsonElement call)
    {
        if (call.GetProperty("requestBody").ValueKind != JsonValueKind.String)
        {
            yield break;
        }

        using var body = JsonDocument.Parse(call.GetProperty("requestBody").GetString()!);
        var shipment = body.RootElement.GetProperty("orderShipment");
        var isTrackingUpdate = shipment.TryGetProperty("processMode", out var mode) && mode.GetString() == "PARTIAL_UPDATE";
        var applied = WasApplied(call);
        foreach (var line in shipment.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray())
        {
            foreach (var status in line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus").EnumerateArray())
            {
                yield return new ShipInstruction(
                    call.GetProperty("sequence").GetInt64(),
                    line.GetProperty("lineNumber").GetString()!,
                    Amount(status),
                    status.GetProperty("trackingInfo").GetProperty("trackingNumber").GetString()!,
                    isTrackingUpdate,
                    applied);
            }
        }
    }

    private static int Amount(JsonElement status) =>
        int.Parse(status.GetProperty("statusQuantity").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
}
