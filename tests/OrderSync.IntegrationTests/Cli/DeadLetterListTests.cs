using System.Text;

namespace OrderSync.IntegrationTests.Cli;

public sealed class DeadLetterListTests : IAsyncLifetime
{
    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        var now = DateTimeOffset.UtcNow;
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-1", "data.value.store_code is missing", now.AddHours(-3)));
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-2", "data.value.store_code is missing", now.AddMinutes(-10)));
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-3", "data.value.items is empty", now.AddMinutes(-5)));
        await _environment.DeadLetter(FaultedMessage.Operation("PO-1", "Walmart refused: INVALID_REQUEST", now.AddDays(-2)));
        await _environment.Skip("walmart-sync.order-sync_skipped", Encoding.UTF8.GetBytes("""{"messageType":["urn:message:Legacy:Thing"],"message":{}}"""), "skipped-1");
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Groups_dead_letters_by_queue_and_reason_with_counts_and_first_and_last_seen()
    {
        var result = (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed();

        var list = result.Json();
        list.GetProperty("total").GetInt32().ShouldBe(5);
        list.GetProperty("discovery").GetString().ShouldBe("the worker's known queues");
        var groups = list.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("queue").GetString(), g.GetProperty("reason").GetString(), g.GetProperty("count").GetInt32()))
            .ToList();
        groups.ShouldBe(
        [
            ("walmart-sync.commerce-events_error", "data.value.store_code is missing", 2),
            ("walmart-sync.commerce-events_error", "data.value.items is empty", 1),
            ("walmart-sync.order-sync_skipped", "no consumer for urn:message:Legacy:Thing", 1),
            ("walmart-sync.walmart-operations_error", "Walmart refused: INVALID_REQUEST", 1),
        ]);
        var missingStore = list.GetProperty("groups")[0];
        var first = missingStore.GetProperty("firstSeen").GetDateTimeOffset();
        var last = missingStore.GetProperty("lastSeen").GetDateTimeOffset();
        (last - first).TotalMinutes.ShouldBe(170, tolerance: 1);
        missingStore.GetProperty("exceptionTypes")[0].GetString().ShouldBe("OrderSync.Worker.Inbound.InvalidCommerceEventException");
        missingStore.GetProperty("ids").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Prints_the_groups_and_each_message_with_its_id_and_order_as_plain_tables()
    {
        var result = (await _environment.Run("dead-letters", "list")).ShouldSucceed();

        result.StandardOutput.ShouldContain("5 dead letters in 4 groups");
        var groupRow = result.StandardOutput.Split('\n').Single(line => line.Contains("data.value.store_code is missing", StringComparison.Ordinal) && line.Contains("InvalidCommerceEventException", StringComparison.Ordinal));
        groupRow.ShouldContain("walmart-sync.commerce-events_error");
        groupRow.ShouldContain("| 2 ");
        result.StandardOutput.ShouldContain("skipped-1");
        result.StandardOutput.ShouldContain("PO-3");
        result.StandardError.ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_by_queue_reason_purchase_order_and_age()
    {
        var byQueue = (await _environment.Run("dead-letters", "list", "--queue", "walmart-sync.walmart-operations", "--json")).ShouldSucceed().Json();
        byQueue.GetProperty("total").GetInt32().ShouldBe(1);

        var byReason = (await _environment.Run("dead-letters", "list", "--reason", "STORE_CODE", "--json")).ShouldSucceed().Json();
        byReason.GetProperty("total").GetInt32().ShouldBe(2);

        var byExceptionType = (await _environment.Run("dead-letters", "list", "--reason", "OperationRefused", "--json")).ShouldSucceed().Json();
        byExceptionType.GetProperty("messages")[0].GetProperty("purchaseOrderId").GetString().ShouldBe("PO-1");

        var byOrder = (await _environment.Run("dead-letters", "list", "--order", "PO-1", "--json")).ShouldSucceed().Json();
        byOrder.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("queue").GetString())
            .ShouldBe(["walmart-sync.walmart-operations_error", "walmart-sync.commerce-events_error"]);

        var recent = (await _environment.Run("dead-letters", "list", "--since", "1h", "--json")).ShouldSucceed().Json();
        recent.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("purchaseOrderId").GetString()).ShouldBe(["PO-2", "PO-3"]);
    }

    [Fact]
    public async Task Listing_leaves_every_dead_letter_where_it_was()
    {
        (await _environment.Run("dead-letters", "list")).ShouldSucceed();
        (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed();

        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(3u);
        (await _environment.Count("walmart-sync.walmart-operations_error")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.order-sync_skipped")).ShouldBe(1u);
    }

    [Fact]
    public async Task A_management_api_url_is_still_accepted_and_not_needed()
    {
        var result = (await _environment.Run("dead-letters", "list", "--management", "http://127.0.0.1:9/", "--json")).ShouldSucceed().Json();

        result.GetProperty("discovery").GetString().ShouldBe("the worker's known queues");
        result.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task A_worker_queue_that_has_no_dead_letter_queue_yet_is_one_line_and_exit_1()
    {
        var result = await _environment.Run("dead-letters", "list", "--queue", "walmart-sync.operator-commands");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldStartWith("ordersync: no dead-letter queue matches --queue walmart-sync.operator-commands (the worker's dead-letter queues here: ");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_queue_that_is_not_the_workers_is_one_line_and_a_usage_error()
    {
        var result = await _environment.Run("dead-letters", "list", "--queue", "no-such-queue");

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldStartWith("ordersync: --queue no-such-queue: the CLI only handles the worker's own dead-letter queues");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_message_keeps_the_same_id_from_one_listing_to_the_next()
    {
        var first = (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed().Json();
        var second = (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed().Json();

        var ids = first.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order().ToList();
        ids.ShouldBe(second.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order().ToList());
        ids.Distinct().Count().ShouldBe(5);
    }
}
