using System.Text.Json.Nodes;
using OrderSync.Cli.Orders;
using OrderSync.Persistence;

namespace OrderSync.UnitTests.Cli;

public sealed class OrderBudgetWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_order_in_flight_while_its_sellers_budget_holds_calls_back_says_it_waits_for_it()
    {
        var order = Order("InFlight");

        OrderDocument.AddBudgetWait(order, [Budget(learnt: 58, waiting: 3)], Now);

        var budget = order["walmartBudget"].ShouldBeOfType<JsonObject>();
        budget["seller"]!.GetValue<string>().ShouldBe("walmart_us");
        var endpoint = budget["endpoints"]!.AsArray().ShouldHaveSingleItem()!;
        (endpoint["learntPerMinute"]!.GetValue<double>(), endpoint["waiting"]!.GetValue<int>()).ShouldBe((58, 3));
    }

    [Theory]
    [InlineData("Succeeded", 58, 3, 0)]
    [InlineData("InFlight", 300, 0, 0)]
    [InlineData("InFlight", 58, 3, 5)]
    public void Nothing_is_said_when_no_operation_waits_the_budget_is_free_or_its_report_is_stale(string status, double learnt, int waiting, int minutesOld)
    {
        var order = Order(status);

        OrderDocument.AddBudgetWait(order, [Budget(learnt, waiting) with { UpdatedAt = Now.AddMinutes(-minutesOld) }], Now);

        order.ContainsKey("walmartBudget").ShouldBeFalse();
    }

    private static JsonObject Order(string operationStatus) => new()
    {
        ["operations"] = new JsonArray(new JsonObject { ["status"] = operationStatus }),
    };

    private static WalmartBudgetRow Budget(double learnt, int waiting) => new()
    {
        Seller = "walmart_us",
        Endpoint = "Shipping",
        StoreCodes = ["walmart_us"],
        LearntPerMinute = learnt,
        CeilingPerMinute = 300,
        Waiting = waiting,
        UpdatedAt = Now.AddSeconds(-2),
    };
}
