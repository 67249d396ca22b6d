using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>Writes an order as Walmart's GET /v3/orders/{purchaseOrderId} answers it: {"order": {...}}.</summary>
public static class SandboxOrderRenderer
{
    public static JsonObject Render(SandboxOrder order) => new() { ["order"] = RenderOrder(order) };

    /// <summary>A page of GET /v3/orders: {"list": {"meta": {...}, "elements": {"order": [...]}}}; nextCursor only when more follow.</summary>
    public static JsonObject RenderList(IReadOnlyList<SandboxOrder> page, int totalCount, string? nextCursor)
    {
        var meta = new JsonObject { ["totalCount"] = totalCount, ["limit"] = page.Count };
        if (nextCursor is not null)
        {
            meta["nextCursor"] = nextCursor;
        }

        return new JsonObject
        {
            ["list"] = new JsonObject
            {
                ["meta"] = meta,
                ["elements"] = new JsonObject { ["order"] = new JsonArray([.. page.Select(order => (JsonNode)RenderOrder(order))]) },
            },
        };
    }

    private static JsonObject RenderOrder(SandboxOrder order) => new()
    {
        ["purchaseOrderId"] = order.PurchaseOrderId,
        ["customerOrderId"] = order.CustomerOrderId,
        ["customerEmailId"] = $"{order.CustomerOrderId}@relay.walmart.com",
        ["orderType"] = "REGULAR",
        ["orderDate"] = order.OrderDate.ToUnixTimeMilliseconds(),
        ["shippingInfo"] = new JsonObject
        {
            ["phone"] = "2025550143",
            ["estimatedDeliveryDate"] = order.OrderDate.AddDays(5).ToUnixTimeMilliseconds(),
            ["estimatedShipDate"] = order.ShipBy.ToUnixTimeMilliseconds(),
            ["methodCode"] = order.MethodCode,
            ["postalAddress"] = new JsonObject
            {
                ["name"] = "Sandbox Customer",
                ["address1"] = "702 SW 8th Street",
                ["city"] = "Bentonville",
                ["state"] = "AR",
                ["postalCode"] = "72716",
                ["country"] = "USA",
                ["addressType"] = "RESIDENTIAL",
            },
        },
        ["orderLines"] = new JsonObject
        {
            ["orderLine"] = new JsonArray(order.Lines.Select(line => (JsonNode)RenderLine(line, order.MethodCode)).ToArray()),
        },
        ["shipNode"] = new JsonObject { ["type"] = "SellerFulfilled" },
    };

    private static JsonObject RenderLine(SandboxOrderLine line, string methodCode)
    {
        var rendered = new JsonObject
        {
            ["lineNumber"] = line.LineNumber,
            ["item"] = new JsonObject { ["productName"] = line.ProductName, ["sku"] = line.Sku },
            ["charges"] = new JsonObject
            {
                ["charge"] = new JsonArray(new JsonObject
                {
                    ["chargeType"] = "PRODUCT",
                    ["chargeName"] = "ItemPrice",
                    ["chargeAmount"] = new JsonObject { ["currency"] = "USD", ["amount"] = 10.00m * line.Quantity },
                }),
            },
            ["orderLineQuantity"] = Quantity(line.Quantity),
            ["statusDate"] = line.StatusDate.ToUnixTimeMilliseconds(),
            ["orderLineStatuses"] = new JsonObject
            {
                ["orderLineStatus"] = new JsonArray(line.Statuses.Select(status => (JsonNode)RenderStatus(status)).ToArray()),
            },
            ["fulfillment"] = new JsonObject { ["fulfillmentOption"] = "S2H", ["shipMethod"] = methodCode.ToUpperInvariant() },
        };

        // Walmart documents a string, not its values; the flag is left out of lines the customer made no request for.
        if (line.IntentToCancel)
        {
            rendered["intentToCancel"] = "Y";
        }

        return rendered;
    }

    private static JsonObject RenderStatus(SandboxLineStatus status)
    {
        var rendered = new JsonObject
        {
            ["status"] = status.Status,
            ["statusQuantity"] = Quantity(status.Quantity),
        };

        if (status.CancellationReason is not null)
        {
            rendered["cancellationReason"] = status.CancellationReason;
        }

        if (status.Tracking is { } tracking)
        {
            var carrierName = new JsonObject();
            if (tracking.Carrier is not null)
            {
                carrierName["carrier"] = tracking.Carrier;
            }

            if (tracking.OtherCarrier is not null)
            {
                carrierName["otherCarrier"] = tracking.OtherCarrier;
            }

            rendered["trackingInfo"] = new JsonObject
            {
                ["shipDateTime"] = tracking.ShipDateTime,
                ["carrierName"] = carrierName,
                ["methodCode"] = tracking.MethodCode,
                ["trackingNumber"] = tracking.TrackingNumber,
            };
            if (tracking.TrackingUrl is not null)
            {
                rendered["trackingInfo"]!["trackingURL"] = tracking.TrackingUrl;
            }
        }

        return rendered;
    }

    private static JsonObject Quantity(int amount) => new()
    {
        ["unitOfMeasurement"] = "EACH",
        ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
    };
}
