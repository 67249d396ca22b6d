using System.Text.Json;

namespace OrderSync.Operations.DeadLetters;

/// <summary>Which Walmart purchase order a dead letter concerns.</summary>
public static class PurchaseOrders
{
    /// <summary>
    /// The <c>x-purchase-order-id</c> header when the worker set it; otherwise read from the body: a raw Commerce CloudEvent
    /// (<c>data.value.ext_order_id</c>), a MassTransit envelope (<c>message.purchaseOrderId</c> or
    /// <c>message.context.purchaseOrderId</c>), or a raw JSON message of the worker's (<c>purchaseOrderId</c>,
    /// <c>context.purchaseOrderId</c>). Null when none says.
    /// </summary>
    public static string? Find(IReadOnlyDictionary<string, object?> headers, ReadOnlySpan<byte> body)
    {
        if (HeaderValues.Text(headers, FaultHeaders.PurchaseOrderId) is { } header && !string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        return FromBody(body);
    }

    public static string? FromBody(ReadOnlySpan<byte> body)
    {
        if (!JsonBody.TryParse(body, out var document))
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return Scalar(root, "data", "value", "ext_order_id")
                ?? Scalar(root, "message", "purchaseOrderId")
                ?? Scalar(root, "message", "context", "purchaseOrderId")
                ?? Scalar(root, "purchaseOrderId")
                ?? Scalar(root, "context", "purchaseOrderId");
        }
    }

    private static string? Scalar(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, name, out element))
            {
                return null;
            }
        }

        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    // Exact first, as MassTransit and Commerce write them; then any case, for a peer serializing PascalCase.
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
