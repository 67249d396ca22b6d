using System.Net.Http.Json;
using OrderSync.IntegrationTests.Walmart;
using OrderSync.Walmart;

namespace OrderSync.IntegrationTests.Reconciliation;

/// <summary>The client's GET /v3/orders against the sandbox: Walmart's filters, its paging, and what Seller Center changes look like.</summary>
public sealed class OrderSearchAgainstSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Store = SandboxFixture.CaStore;
    private readonly IWalmartOrdersClient client = sandbox.CreateClient();

    [Fact]
    public async Task A_search_pages_through_every_matching_order_once_following_walmarts_cursor()
    {
        var seeded = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            seeded.Add(await sandbox.SeedOrderAsync(Store, "Acknowledged", ("WM-MUG-BLU", 1)));
        }

        var found = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await client.ListOrdersAsync(Store, new WalmartOrderQuery { Limit = 2 }, cursor, WalmartCallPriority.Operation);
            page.Outcome.ShouldBe(WalmartOutcome.Success, page.Message);
            page.Value!.Orders.Count.ShouldBeLessThanOrEqualTo(2);
            found.AddRange(page.Value.Orders.Select(o => o.PurchaseOrderId));
            cursor = page.Value.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 50);

        cursor.ShouldBeNull("the last page has no cursor");
        found.ShouldBeUnique();
        seeded.ShouldBeSubsetOf(found);
        pages.ShouldBe((found.Count + 1) / 2);
    }

    [Fact]
    public async Task Filters_select_by_last_change_purchase_order_and_line_status_and_nothing_found_is_an_empty_page()
    {
        var unchanged = await sandbox.SeedOrderAsync(Store, "Acknowledged", ("WM-MUG-BLU", 1));
        var changed = await sandbox.SeedOrderAsync(Store, "Acknowledged", ("WM-MUG-BLU", 1), ("WM-TEE-L", 1));
        await Task.Delay(20);
        var mark = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        (await sandbox.Admin.PostAsJsonAsync($"admin/orders/{changed}/lines/1/cancel", new { reason = "SELLER_CANCEL_SHIP_BY_DATE_PASSED" })).EnsureSuccessStatusCode();
        (await sandbox.Admin.PostAsJsonAsync($"admin/orders/{changed}/lines/2/ship", new { carrier = "FedEx", trackingNumber = "774899172137" })).EnsureSuccessStatusCode();

        var since = await client.ListOrdersAsync(Store, new WalmartOrderQuery { LastModifiedStartDate = mark }, null, WalmartCallPriority.Spare);
        var order = since.Value!.Orders.ShouldHaveSingleItem();
        order.PurchaseOrderId.ShouldBe(changed);
        order.Lines[0].CancelledQuantity.ShouldBe(1);
        order.Lines[0].CancellationReason.ShouldBe("SELLER_CANCEL_SHIP_BY_DATE_PASSED");
        (order.Lines[1].ShippedQuantity, order.Lines[1].Carrier, order.Lines[1].TrackingNumber).ShouldBe((1, "FedEx", "774899172137"));

        (await client.ListOrdersAsync(Store, new WalmartOrderQuery { PurchaseOrderId = unchanged }, null, WalmartCallPriority.Operation))
            .Value!.Orders.ShouldHaveSingleItem().PurchaseOrderId.ShouldBe(unchanged);
        var cancelled = await client.ListOrdersAsync(Store, new WalmartOrderQuery { Status = "Cancelled" }, null, WalmartCallPriority.Operation);
        cancelled.Value!.Orders.Select(o => o.PurchaseOrderId).ShouldContain(changed);
        cancelled.Value.Orders.Select(o => o.PurchaseOrderId).ShouldNotContain(unchanged);

        var nothing = await client.ListOrdersAsync(Store, new WalmartOrderQuery { PurchaseOrderId = "999999999999999" }, null, WalmartCallPriority.Operation);
        nothing.Outcome.ShouldBe(WalmartOutcome.Success);
        nothing.HttpStatus.ShouldBe(404, "Walmart answers a search that finds nothing with 404");
        nothing.Value!.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_seller_center_cannot_make_is_refused_and_changes_nothing()
    {
        var po = await sandbox.SeedOrderAsync(Store, "Acknowledged", ("WM-MUG-BLU", 1));

        var tracking = await sandbox.Admin.PutAsJsonAsync($"admin/orders/{po}/lines/1/tracking", new { carrier = "FedEx", trackingNumber = "774899172137" });
        var unknownCarrier = await sandbox.Admin.PostAsJsonAsync($"admin/orders/{po}/lines/1/ship", new { carrier = "Pigeon", trackingNumber = "1" });

        tracking.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await tracking.Content.ReadAsStringAsync()).ShouldContain("is not shipped");
        unknownCarrier.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await client.GetOrderAsync(Store, po)).Value!.Lines.ShouldHaveSingleItem().OpenQuantity.ShouldBe(1);
    }
}
