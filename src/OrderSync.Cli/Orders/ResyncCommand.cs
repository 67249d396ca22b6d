using System.Text.Json.Serialization;

namespace OrderSync.Cli.Orders;

/// <summary>The worker's operator command to retry the failed operations of an order in Error (raw JSON, camelCase).</summary>
public sealed record ResyncCommand(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("purchaseOrderId")] string PurchaseOrderId,
    [property: JsonPropertyName("storeCode")] string StoreCode,
    [property: JsonPropertyName("requestedBy")] string RequestedBy,
    [property: JsonPropertyName("requestedAt")] string RequestedAt)
{
    public const string Queue = "walmart-sync.operator-commands";

    public static ResyncCommand For(string purchaseOrderId, string storeCode, string requestedBy, DateTimeOffset requestedAt) =>
        new("resync", purchaseOrderId, storeCode, requestedBy,
            requestedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
