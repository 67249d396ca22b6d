using System.Text.Json;

namespace OrderSync.IntegrationTests.Cli;

public sealed class OrderResyncTests : IAsyncLifetime
{
    private const string CommandQueue = "walmart-sync.operator-commands";

    private CliTestEnvironment _environment = null!;
    private Guid _failedOrder;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        _failedOrder = await SagaRows.Insert(_environment.Database, SagaRows.Order("PO-ERROR", "Error", "Walmart refused line 4"));
        await SagaRows.Insert(_environment.Database, SagaRows.Order("PO-SHIPPED", "Shipped"));
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Resync_of_an_order_in_error_sends_the_worker_a_raw_json_command()
    {
        await _environment.Declare(CommandQueue);

        var result = (await _environment.Run("orders", "resync", "PO-ERROR", "--json")).ShouldSucceed().Json();

        var message = (await _environment.Drain(CommandQueue)).ShouldHaveSingleItem();
        message.BasicProperties.ContentType.ShouldBe("application/json");
        message.BasicProperties.Persistent.ShouldBeTrue();
        message.BasicProperties.MessageId.ShouldBe(result.GetProperty("commandId").GetString());
        using var body = JsonDocument.Parse(message.Body);
        var command = body.RootElement;
        command.EnumerateObject().Select(p => p.Name).ShouldBe(["command", "purchaseOrderId", "storeCode", "requestedBy", "requestedAt"]);
        command.GetProperty("command").GetString().ShouldBe("resync");
        command.GetProperty("purchaseOrderId").GetString().ShouldBe("PO-ERROR");
        command.GetProperty("storeCode").GetString().ShouldBe("walmart_us");
        command.GetProperty("requestedBy").GetString().ShouldBe(OperatorCli.OperatorName);
        command.GetProperty("requestedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        command.GetProperty("requestedAt").GetString()!.ShouldEndWith("Z");
    }

    [Fact]
    public async Task Resync_refuses_an_order_that_is_not_in_error()
    {
        await _environment.Declare(CommandQueue);

        var result = await _environment.Run("orders", "resync", "PO-SHIPPED");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: order PO-SHIPPED is 'Shipped', not in Error: there is nothing to resync");
        (await _environment.Count(CommandQueue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Resync_refuses_an_order_in_error_with_no_failed_operation_saying_where_the_error_came_from()
    {
        await _environment.Declare(CommandQueue);
        var refused = SagaRows.Order("PO-REFUSED", "Error", "The order was canceled in Commerce without a cancellation reason; Walmart needs one.");
        refused["Operations"] = new System.Text.Json.Nodes.JsonArray();
        await SagaRows.Insert(_environment.Database, refused);

        var result = await _environment.Run("orders", "resync", "PO-REFUSED");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldStartWith("ordersync: order PO-REFUSED is in Error, but none of its Walmart operations failed, so a resync has nothing to retry: The order was canceled in Commerce without a cancellation reason");
        (await _environment.Count(CommandQueue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Resync_refuses_an_order_that_does_not_exist()
    {
        await _environment.Declare(CommandQueue);

        var result = await _environment.Run("orders", "resync", "PO-NONE");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: no such order: PO-NONE");
        (await _environment.Count(CommandQueue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Resync_says_to_start_the_worker_when_its_command_queue_is_missing()
    {
        var result = await _environment.Run("orders", "resync", "PO-ERROR");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: the worker has not created queue walmart-sync.operator-commands on this broker; start the worker once");
    }

    [Fact]
    public async Task Resync_with_wait_reports_the_status_the_order_reaches()
    {
        await _environment.Declare(CommandQueue);
        var run = _environment.Run("orders", "resync", "PO-ERROR", "--wait", "30", "--json");
        await WaitForCommand();
        await SagaRows.SetStatus(_environment.Database, _failedOrder, "Shipped");

        var result = (await run).ShouldSucceed().Json();

        result.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        result.GetProperty("waited").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Resync_with_wait_fails_when_the_order_stays_in_error()
    {
        await _environment.Declare(CommandQueue);

        var result = await _environment.Run("orders", "resync", "PO-ERROR", "--wait", "1");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: order PO-ERROR is still in Error after 1 s (the resync command was sent): Walmart refused line 4");
        (await _environment.Count(CommandQueue)).ShouldBe(1u);
    }

    private async Task WaitForCommand()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await _environment.Count(CommandQueue) == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the resync command never arrived");
            await Task.Delay(100);
        }
    }
}
