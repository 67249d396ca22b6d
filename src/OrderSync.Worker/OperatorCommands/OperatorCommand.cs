using System.Text.Json.Serialization;

namespace OrderSync.Worker.OperatorCommands;

/// <summary>A command from the operator command line, as raw JSON on <c>walmart-sync.operator-commands</c>.</summary>
public sealed record OperatorCommand
{
    public const string Resync = "resync";

    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("purchaseOrderId")]
    public string? PurchaseOrderId { get; init; }

    [JsonPropertyName("storeCode")]
    public string? StoreCode { get; init; }

    [JsonPropertyName("requestedBy")]
    public string? RequestedBy { get; init; }
}
