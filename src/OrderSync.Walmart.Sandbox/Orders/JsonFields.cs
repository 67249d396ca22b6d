using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>Lenient reads of request JSON: a missing or mistyped field reads as null, and the caller reports it.</summary>
public static class JsonFields
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;

    public static bool? Boolean(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static IReadOnlyList<JsonNode?> Array(JsonNode? node) => node is JsonArray array ? [.. array] : [];

    /// <summary>Walmart quantities are strings ("1"); a number is accepted too.</summary>
    public static int? PositiveInteger(JsonNode? node) =>
        decimal.TryParse(Text(node), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 1 && amount == decimal.Truncate(amount)
            ? (int)amount
            : null;

    public static long? EpochMilliseconds(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) ? epoch : null;
}
