using System.Text.Json.Nodes;
using OrderSync.Walmart.Sandbox.Gateway;
using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.UnitTests.Walmart;

/// <summary>The sandbox must answer in Walmart's shapes, or tests against it prove nothing about Walmart.</summary>
public sealed class SandboxFidelityTests
{
    [Fact]
    public void The_sandbox_renders_orders_as_walmarts_get_order_response()
    {
        var shippedAt = new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero);
        var order = new SandboxOrder
        {
            Seller = "walmart_us",
            PurchaseOrderId = "108829735420014",
            CustomerOrderId = "5281934702187",
            MethodCode = "Standard",
            OrderDate = shippedAt.AddDays(-1),
            Lines =
            [
                new SandboxOrderLine
                {
                    LineNumber = "1", Sku = "WM-MUG-BLU", ProductName = "Blue Ceramic Mug", Quantity = 3, StatusDate = shippedAt, IntentToCancel = true,
                    Statuses =
                    [
                        new SandboxLineStatus("Shipped", 1, new SandboxTracking(shippedAt.ToUnixTimeMilliseconds(), null, "Acme Couriers", "Standard", "AC-1", "https://acme.example/AC-1")),
                        new SandboxLineStatus("Cancelled", 1, CancellationReason: "SELLER_CANCEL_OUT_OF_STOCK"),
                        new SandboxLineStatus("Acknowledged", 1),
                    ],
                },
            ],
        };

        var rendered = SandboxOrderRenderer.Render(order).ToJsonString();

        WalmartOrdersSchema.Validate("GetOrderResponse", rendered).ShouldBeEmpty();
    }

    [Fact]
    public void The_sandbox_error_body_holds_walmart_gateway_errors()
    {
        var body = WalmartErrorBody.Detailed([SandboxError.InvalidContent("orderLineStatus", "Order line 1 is already shipped"), SandboxError.Throttled()]);

        foreach (var error in body["errors"]!["error"]!.AsArray())
        {
            WalmartOrdersSchema.Validate("GatewayError", error!.ToJsonString()).ShouldBeEmpty();
        }
    }
}
