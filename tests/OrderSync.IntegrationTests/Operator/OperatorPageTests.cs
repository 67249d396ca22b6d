using System.Net;
using System.Net.Http.Headers;
using OpenQA.Selenium;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>The on-call page the worker serves on its health address, in a real headless Chromium.</summary>
public sealed class OperatorPageTests
{
    private const string Token = "operator-page-test-token-1234";

    [Fact]
    public async Task The_page_lists_a_failed_order_opens_its_timeline_and_resyncs_it_with_the_token_after_the_fix()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>
        {
            ["OperatorPage:ActionsEnabled"] = "true",
            ["OperatorPage:Token"] = Token,
        });
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        var shipped = await OperatorStack.Ship(stack);
        var page = stack.Worker!.HttpAddress;
        using var browser = HeadlessChromium.Start();

        browser.Open(new Uri(page, "operator?status=Error"));
        var orders = await browser.WaitForText(By.Id("orders"), failed);
        orders.ShouldNotContain(shipped);
        (await browser.WaitForText(By.Id("counts"), "Error 1")).ShouldContain("Shipped 1");
        browser.Screenshot("operator-orders-in-error");

        browser.Driver.FindElement(By.LinkText(failed)).Click();
        await browser.WaitForText(By.Id("status"), "Error");
        var timeline = await browser.WaitForText(By.Id("timeline"), "Result published: walmart.order.sync.failed");
        timeline.ShouldContain("Commerce event 1: shipment");
        timeline.ShouldContain("Walmart call: get");
        timeline.ShouldContain("HTTP 404");
        browser.Screenshot("operator-order-timeline");

        using (var http = new HttpClient { BaseAddress = page })
        {
            (await http.PostAsync($"operator/orders/walmart_us/{failed}/resync", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        browser.Driver.FindElement(By.Id("token")).SendKeys("not-the-token");
        browser.Driver.FindElement(By.Id("resync")).Click();
        await browser.WaitForText(By.Id("action-result"), "Refused: 401");
        (await OperatorStack.Cli(stack, "orders", "list", "--status", "Error", "--json")).Json().GetProperty("orders").GetArrayLength().ShouldBe(1);

        await stack.Sandbox.SeedOrderAs(failed, "walmart_us", "MUG");
        browser.Driver.FindElement(By.Id("token")).Clear();
        browser.Driver.FindElement(By.Id("token")).SendKeys(Token);
        browser.Driver.FindElement(By.Id("resync")).Click();
        await browser.WaitForText(By.Id("action-result"), "Resync requested.");
        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", failed, TimeSpan.FromSeconds(60));
        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        browser.Driver.Navigate().Refresh();
        await browser.WaitForText(By.Id("status"), "Shipped");
        browser.Driver.FindElements(By.Id("resync")).ShouldBeEmpty("an order not in Error has nothing to resync");
    }

    [Fact]
    public async Task The_page_is_read_only_unless_actions_are_enabled()
    {
        await using var stack = await SyncStack.Start();
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        var timeline = await http.GetStringAsync($"operator/orders/walmart_us/{failed}");
        timeline.ShouldContain("Error");
        timeline.ShouldNotContain("resync-form");
        var resync = new HttpRequestMessage(HttpMethod.Post, $"operator/orders/walmart_us/{failed}/resync");
        resync.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        (await http.SendAsync(resync)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OperatorStack.Cli(stack, "orders", "list", "--status", "Error", "--json")).Json().GetProperty("orders").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_orders_page_pages_through_the_orders_newest_first_and_filters_by_store()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["OperatorPage:PageSize"] = "1" });
        var failed = await OperatorStack.FailOnAnUnknownOrder(stack);
        var shipped = await OperatorStack.Ship(stack);
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        var first = await http.GetStringAsync("operator");
        var second = await http.GetStringAsync("operator?page=2");
        var otherStore = await http.GetStringAsync("operator?store=walmart_ca");

        first.ShouldContain(shipped);
        first.ShouldNotContain(failed);
        first.ShouldContain("id=\"next\" href=\"/operator?page=2\"");
        first.ShouldNotContain("id=\"previous\"");
        second.ShouldContain(failed);
        second.ShouldNotContain(shipped);
        second.ShouldContain("id=\"previous\"");
        second.ShouldNotContain("id=\"next\"");
        otherStore.ShouldNotContain(failed);
        otherStore.ShouldContain("All 0");
    }

    [Fact]
    public async Task Values_from_commerce_are_escaped_on_the_page()
    {
        await using var stack = await SyncStack.Start();
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)], trackNumber: null));
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        var list = await Eventually.Matches(() => http.GetStringAsync("operator?status=Pending"), html => html.Contains(purchaseOrderId, StringComparison.Ordinal), "the order is listed");
        var filtered = await http.GetStringAsync("operator?store=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        list.ShouldContain("Pending");
        filtered.ShouldNotContain("<script>alert(1)</script>");
        filtered.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
