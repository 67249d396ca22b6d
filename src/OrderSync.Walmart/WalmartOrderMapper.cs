using System.Globalization;
using System.Text.Json;
using OrderSync.Walmart.Wire;

namespace OrderSync.Walmart;

internal static class WalmartOrderMapper
{
    private static readonly string[] ShippedStatuses = ["Shipped", "Delivered"];

    public static WalmartOrder? ToOrder(OrderDto? order)
    {
        if (order?.PurchaseOrderId is null)
        {
            return null;
        }

        var lines = (order.OrderLines?.OrderLine ?? []).Select(ToLine).ToList();
        return new WalmartOrder(order.PurchaseOrderId, order.CustomerOrderId, order.ShippingInfo?.MethodCode, lines)
        {
            ShipBy = Time(order.ShippingInfo?.EstimatedShipDate),
        };
    }

    public static WalmartOrderPage ToPage(OrderListDto? list) => new(
        [.. (list?.Elements?.Order ?? []).Select(ToOrder).OfType<WalmartOrder>()],
        list?.Meta?.TotalCount ?? 0,
        string.IsNullOrWhiteSpace(list?.Meta?.NextCursor) ? null : list.Meta.NextCursor);

    /// <summary>Walmart's schema gives epoch milliseconds and its prose an ISO time such as 2020-06-15T06:00:00Z; anything else is unknown.</summary>
    private static DateTimeOffset? Time(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Number when value.Value.TryGetInt64(out var milliseconds) => FromMilliseconds(milliseconds),
        JsonValueKind.String when long.TryParse(value.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) =>
            FromMilliseconds(milliseconds),
        JsonValueKind.String when DateTimeOffset.TryParse(
            value.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) => time,
        _ => null,
    };

    private static DateTimeOffset? FromMilliseconds(long milliseconds) =>
        milliseconds is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    private static WalmartOrderLine ToLine(OrderLineDto line)
    {
        var statuses = line.OrderLineStatuses?.OrderLineStatus ?? [];
        var tracking = statuses
            .Where(s => ShippedStatuses.Contains(s.Status, StringComparer.OrdinalIgnoreCase))
            .Select(s => s.TrackingInfo)
            .LastOrDefault(info => !string.IsNullOrWhiteSpace(info?.TrackingNumber));
        var trackingNumber = tracking?.TrackingNumber;

        return new WalmartOrderLine(
            line.LineNumber ?? string.Empty,
            line.Item?.Sku ?? string.Empty,
            Amount(line.OrderLineQuantity),
            statuses.Select(s => new WalmartLineStatus(s.Status ?? string.Empty, Amount(s.StatusQuantity))).ToList(),
            trackingNumber)
        {
            IntentToCancel = IsSet(line.IntentToCancel),
            Carrier = tracking?.CarrierName?.Carrier ?? tracking?.CarrierName?.OtherCarrier,
            CancellationReason = statuses
                .Where(s => string.Equals(s.Status, "Cancelled", StringComparison.OrdinalIgnoreCase))
                .Select(s => s.CancellationReason)
                .LastOrDefault(reason => !string.IsNullOrWhiteSpace(reason)),
        };
    }

    /// <summary>Walmart documents the flag as a string without naming its values: any value present but false, "N" or empty is set.</summary>
    private static bool IsSet(JsonElement? flag) => flag?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => flag.Value.GetString()!.Trim() is var text
            && text.Length > 0
            && !text.Equals("N", StringComparison.OrdinalIgnoreCase)
            && !text.Equals("false", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    private static int Amount(QuantityDto? quantity) =>
        decimal.TryParse(quantity?.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? (int)amount
            : 0;
}
