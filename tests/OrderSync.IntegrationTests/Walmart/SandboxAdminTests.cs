using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Walmart;

public sealed class SandboxAdminTests
{
    [Fact]
    public async Task Generated_orders_have_quantity_one_lines_and_can_be_read_by_their_seller()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());

        using var response = await sandbox.Admin.PostAsync(new Uri("/admin/orders/generate?count=5&sellers=walmart_ca&seed=7", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orders = (await response.Content.ReadFromJsonAsync<JsonNode>())!["orders"]!.AsArray();
        orders.Count.ShouldBe(5);
        orders.SelectMany(order => order!["lines"]!.AsArray()).ShouldAllBe(line => line!["quantity"]!.GetValue<int>() == 1);
        var po = orders[0]!["purchaseOrderId"]!.GetValue<string>();
        (await sandbox.CreateClient().GetOrderAsync(SandboxFixture.CaStore, po)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_restores_the_seed_and_forgets_calls_and_faults()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());
        var client = sandbox.CreateClient();
        await client.CancelLinesAsync(SandboxFixture.UsStore, "108829735420277", [new("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")]);
        await sandbox.AddFaultAsync(new { fault = "503" });

        using var reset = await sandbox.Admin.PostAsync(new Uri("/admin/reset", UriKind.Relative), null);

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sandbox.CallsAsync()).ShouldBeEmpty();
        (await sandbox.Admin.GetFromJsonAsync<JsonArray>("/admin/faults"))!.ShouldBeEmpty();
        var order = await client.GetOrderAsync(SandboxFixture.UsStore, "108829735420277");
        order.Value.ShouldNotBeNull().Lines.ShouldHaveSingleItem().OpenQuantity.ShouldBe(1);
    }

    [Fact]
    public async Task A_seed_order_for_an_unknown_seller_is_refused()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?>());

        using var response = await sandbox.Admin.PostAsJsonAsync("/admin/orders", new
        {
            seller = "walmart_mx",
            purchaseOrderId = "1",
            lines = new[] { new { lineNumber = "1", sku = "X", quantity = 1 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("walmart_mx");
    }
}
