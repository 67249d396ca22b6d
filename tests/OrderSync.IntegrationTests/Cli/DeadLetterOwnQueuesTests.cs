using System.Text;

namespace OrderSync.IntegrationTests.Cli;

/// <summary>
/// Another application shares the virtual host, with an <c>_error</c> queue of its own: the dead-letter commands neither
/// read, list, purge nor requeue it, and no header sends a worker's dead letter into its queues.
/// </summary>
public sealed class DeadLetterOwnQueuesTests : IAsyncLifetime
{
    private const string OtherQueue = "other-app.orders";
    private const string OtherErrorQueue = "other-app.orders_error";
    private const string OnlyTheWorkers = "the CLI only handles the worker's own dead-letter queues";

    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        await _environment.Declare(OtherQueue);
        await _environment.Declare(OtherErrorQueue);
        await _environment.DeadLetter(new FaultedMessage
        {
            Queue = OtherErrorQueue,
            Body = Encoding.UTF8.GetBytes("""{"order":"other-app-1"}"""),
            MessageId = "other-1",
            ExceptionType = "OtherApp.OrderException",
            FaultMessage = "other application's failure",
        });
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-1", "data.value.store_code is missing", messageId: "evt-1"));
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task List_shows_only_the_workers_dead_letters()
    {
        var list = (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed().Json();

        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("queues").EnumerateArray().Select(queue => queue.GetProperty("name").GetString()).ShouldNotContain(OtherErrorQueue);
        (await _environment.Run("dead-letters", "list")).ShouldSucceed().StandardOutput.ShouldNotContain("other-app");
        (await _environment.Count(OtherErrorQueue)).ShouldBe(1u);
    }

    [Fact]
    public async Task Purge_all_purges_the_workers_dead_letters_and_leaves_the_other_applications()
    {
        var purged = (await _environment.Run("dead-letters", "purge", "--all", "--yes", "--json")).ShouldSucceed().Json();

        purged.GetProperty("count").GetInt32().ShouldBe(1);
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(0u);
        (await _environment.Count(OtherErrorQueue)).ShouldBe(1u);
    }

    [Theory]
    [InlineData("purge", "--all", "--yes")]
    [InlineData("requeue", "--all")]
    [InlineData("list")]
    public async Task Naming_the_other_applications_queue_fails_in_one_line_and_leaves_it(string verb, params string[] options)
    {
        var result = await _environment.Run(["dead-letters", verb, "--queue", OtherErrorQueue, .. options]);

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldBe($"ordersync: --queue {OtherErrorQueue}: {OnlyTheWorkers}, the _error and _skipped queues of "
            + "walmart-sync.commerce-events, walmart-sync.order-sync, walmart-sync.walmart-operations, walmart-sync.operator-commands");
        result.StandardOutput.ShouldBeEmpty();
        (await _environment.Count(OtherErrorQueue)).ShouldBe(1u);
        (await _environment.Count(OtherQueue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Show_of_the_other_applications_message_finds_nothing()
    {
        var byQueue = await _environment.Run("dead-letters", "show", "other-1", "--queue", OtherErrorQueue);
        var byId = await _environment.Run("dead-letters", "show", "other-1");

        byQueue.ExitCode.ShouldBe(64);
        byQueue.ErrorLine.ShouldContain(OnlyTheWorkers);
        byId.ExitCode.ShouldBe(1);
        byId.ErrorLine.ShouldBe("ordersync: no dead letter with id other-1");
        (await _environment.Count(OtherErrorQueue)).ShouldBe(1u);
    }

    [Fact]
    public async Task A_dead_letter_whose_input_address_names_the_other_applications_queue_stays_where_it_is()
    {
        await _environment.DeadLetter(Crafted());

        var result = await _environment.Run("dead-letters", "requeue", "crafted-1");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe(
            "ordersync: dead letter crafted-1 was not requeued: its MT-Fault-InputAddress names other-app.orders, which is not one of the worker's queues; "
            + "it stays in walmart-sync.order-sync_error");
        (await _environment.Count("walmart-sync.order-sync_error")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.order-sync")).ShouldBe(0u);
        (await _environment.Count(OtherQueue)).ShouldBe(0u);
    }

    [Fact]
    public async Task Requeue_all_moves_the_others_and_leaves_the_crafted_one_with_its_reason()
    {
        await _environment.DeadLetter(Crafted());

        var dryRun = await _environment.Run("dead-letters", "requeue", "--all", "--dry-run", "--json");
        var result = await _environment.Run("dead-letters", "requeue", "--all", "--json");

        dryRun.ExitCode.ShouldBe(1);
        dryRun.Json().GetProperty("count").GetInt32().ShouldBe(1);
        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: dead letter crafted-1 was not requeued: its MT-Fault-InputAddress names other-app.orders, which is not one of the worker's queues; "
            + "it stays in walmart-sync.order-sync_error");
        var output = result.Json();
        output.GetProperty("requeued").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString().ShouldBe("evt-1");
        var refused = output.GetProperty("refused").EnumerateArray().ShouldHaveSingleItem();
        refused.GetProperty("id").GetString().ShouldBe("crafted-1");
        refused.GetProperty("targetQueue").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        refused.GetProperty("requeueRefused").GetString().ShouldBe("its MT-Fault-InputAddress names other-app.orders, which is not one of the worker's queues");
        (await _environment.Count("walmart-sync.commerce-events")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.order-sync_error")).ShouldBe(1u);
        (await _environment.Count(OtherQueue)).ShouldBe(0u);
        (await _environment.Count(OtherErrorQueue)).ShouldBe(1u);
    }

    [Fact]
    public async Task Show_says_why_the_crafted_dead_letter_will_not_be_requeued()
    {
        await _environment.DeadLetter(Crafted());

        var output = (await _environment.Run("dead-letters", "show", "crafted-1")).ShouldSucceed().StandardOutput;

        output.Split('\n').ShouldContain(line => line.Contains("requeue refused", StringComparison.Ordinal) && line.Contains("names other-app.orders", StringComparison.Ordinal));
        output.ShouldNotContain("requeue goes to");
    }

    /// <summary>A dead letter of the saga's queue whose MT-Fault-InputAddress was written to point at the other application's queue.</summary>
    private static FaultedMessage Crafted() => new()
    {
        Queue = "walmart-sync.order-sync_error",
        InputQueue = OtherQueue,
        Body = Encoding.UTF8.GetBytes("""{"messageType":["urn:message:OrderSync.Contracts.Events:ShipmentReceived"],"message":{"purchaseOrderId":"PO-9"}}"""),
        MessageId = "crafted-1",
        ContentType = "application/vnd.masstransit+json",
        ExceptionType = "Npgsql.NpgsqlException",
        FaultMessage = "the database was down",
    };
}
