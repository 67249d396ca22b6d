namespace OrderSync.IntegrationTests.Cli;

public sealed class OrderShowTests : IAsyncLifetime
{
    private const string PurchaseOrder = "108829735420014";

    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        await SagaRows.Insert(_environment.Database, SagaRows.Order(PurchaseOrder, "Error", "Walmart refused line 4: [INVALID_REQUEST] carrier"));
        await SagaRows.Call(_environment.Database, PurchaseOrder, "getOrder", 200, "Success", null, 1, lines: "null");
        await SagaRows.Call(_environment.Database, PurchaseOrder, "shipping", 400, "Permanent", "Walmart refused line 4: [INVALID_REQUEST] carrier", 1);
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Shows_the_order_its_lines_shipments_operations_and_every_walmart_call_as_tables()
    {
        var output = (await _environment.Run("orders", "show", PurchaseOrder)).ShouldSucceed().StandardOutput;

        output.ShouldContain($"Order {PurchaseOrder} (store walmart_us)");
        output.ShouldContain("000001187");
        output.ShouldContain("Walmart refused line 4: [INVALID_REQUEST] carrier");
        Row(output, "| 4 ", "| WM-CAP ", "| 1 ", "| 0 ");
        Row(output, "| 412 ", "| Synced ", "UPS 1Z999AA10123456784", "| 1, 2, 3 ");
        Row(output, "| 413 ", "| Failed ", "Bob's Freight BF-1");
        Row(output, "6f1c7e1a-0000-4000-8000-000000000413", "| Ship ", "| Failed ", "Walmart refused line 4");
        Row(output, "corr-shipping-1", "| shipping ", "| 4 ", "| 400 ", "| Permanent ", "| 123.4 ", "Walmart refused line 4");
        Row(output, "corr-getOrder-1", "| getOrder ", "| 200 ", "| Success ");
    }

    [Fact]
    public async Task Show_as_json_is_one_object_with_the_state_and_the_calls()
    {
        var order = (await _environment.Run("orders", "show", PurchaseOrder, "--json")).ShouldSucceed().Json();

        order.GetProperty("purchaseOrderId").GetString().ShouldBe(PurchaseOrder);
        order.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        order.GetProperty("orderStatus").GetString().ShouldBe("Error");
        order.GetProperty("lastError").GetString().ShouldBe("Walmart refused line 4: [INVALID_REQUEST] carrier");
        order.GetProperty("walmartLines").EnumerateArray()
            .Select(l => (l.GetProperty("lineNumber").GetString(), l.GetProperty("shipped").GetInt32(), l.GetProperty("cancelled").GetInt32()))
            .ShouldBe([("1", 1, 0), ("2", 1, 0), ("3", 1, 0), ("4", 0, 0)]);
        order.GetProperty("shipments").EnumerateArray().Select(s => (s.GetProperty("shipmentId").GetString(), s.GetProperty("status").GetString()))
            .ShouldBe([("412", "Synced"), ("413", "Failed")]);
        var failed = order.GetProperty("operations")[1];
        failed.GetProperty("kind").GetString().ShouldBe("Ship");
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        var calls = order.GetProperty("walmartCalls").EnumerateArray().ToList();
        calls.Select(c => c.GetProperty("operation").GetString()).ShouldBe(["getOrder", "shipping"]);
        calls[1].GetProperty("httpStatus").GetInt32().ShouldBe(400);
        calls[1].GetProperty("outcome").GetString().ShouldBe("Permanent");
        calls[1].GetProperty("correlationId").GetString().ShouldBe("corr-shipping-1");
        calls[1].GetProperty("attempt").GetInt32().ShouldBe(1);
        calls[1].GetProperty("lines")[0].GetProperty("lineNumber").GetString().ShouldBe("4");
    }

    [Fact]
    public async Task Show_of_an_unknown_order_is_one_line_and_exit_1()
    {
        var result = await _environment.Run("orders", "show", "999999999");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: no such order: 999999999");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_order_known_in_two_stores_needs_the_store()
    {
        await SagaRows.Insert(_environment.Database, SagaRows.Order(PurchaseOrder, "Shipped", store: "walmart_ca"));

        var ambiguous = await _environment.Run("orders", "show", PurchaseOrder);
        var chosen = (await _environment.Run("orders", "show", PurchaseOrder, "--store", "walmart_ca", "--json")).ShouldSucceed().Json();

        ambiguous.ExitCode.ShouldBe(64);
        ambiguous.ErrorLine.ShouldBe($"ordersync: order {PurchaseOrder} exists in stores walmart_ca, walmart_us: pass --store");
        chosen.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        chosen.GetProperty("walmartCalls").GetArrayLength().ShouldBe(0);
    }

    /// <summary>The one table row holding every text given.</summary>
    private static string Row(string output, params string[] texts) =>
        output.Split('\n').Where(line => texts.All(text => line.Contains(text, StringComparison.Ordinal))).ShouldHaveSingleItem(string.Join(" ", texts));
}
