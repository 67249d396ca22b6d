using System.Text;
using Dapper;

namespace OrderSync.IntegrationTests.Cli;

public sealed class DeadLetterRequeueTests : IAsyncLifetime
{
    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-1", "data.value.store_code is missing", messageId: "evt-1") with { PurchaseOrderHeader = "PO-1" });
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-2", "data.value.items is empty"));
        await _environment.DeadLetter(FaultedMessage.Operation("PO-3", "Walmart timed out"));
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Requeue_by_id_moves_the_message_to_the_queue_it_failed_on_and_records_it()
    {
        var result = (await _environment.Run("dead-letters", "requeue", "evt-1", "--json")).ShouldSucceed().Json();

        var requeueId = result.GetProperty("requeued").EnumerateArray().ShouldHaveSingleItem().GetProperty("requeueId").GetString();
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(1u);
        var moved = (await _environment.Drain("walmart-sync.commerce-events")).ShouldHaveSingleItem();
        Encoding.UTF8.GetString(moved.Body.Span).ShouldContain("\"ext_order_id\":\"PO-1\"");
        moved.BasicProperties.MessageId.ShouldBe("evt-1");
        moved.BasicProperties.ContentType.ShouldBe("application/cloudevents+json");
        moved.BasicProperties.Persistent.ShouldBeTrue();
        var headers = moved.BasicProperties.Headers!;
        headers.Keys.ShouldNotContain(key => key.StartsWith("MT-Fault-", StringComparison.Ordinal) || key == "MT-Reason");
        Encoding.UTF8.GetString((byte[])headers["x-ordersync-requeue-id"]!).ShouldBe(requeueId);
        DateTimeOffset.Parse(Encoding.UTF8.GetString((byte[])headers["x-ordersync-requeued-at"]!), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        Encoding.UTF8.GetString((byte[])headers["x-purchase-order-id"]!).ShouldBe("PO-1");
        Encoding.UTF8.GetString((byte[])headers["MT-Host-MachineName"]!).ShouldBe("test-host");

        await using var connection = await _environment.Database.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(Guid RequeueId, string MessageId, string DeadLetterQueue, string TargetQueue, string Reason, string PurchaseOrderId, string RequeuedBy, DateTime? ResolvedAt)>(
            "select requeue_id, message_id, dead_letter_queue, target_queue, reason, purchase_order_id, requeued_by, resolved_at from dead_letter_requeue");
        row.ShouldBe((Guid.Parse(requeueId!), "evt-1", "walmart-sync.commerce-events_error", "walmart-sync.commerce-events", "data.value.store_code is missing", "PO-1", OperatorCli.OperatorName, (DateTime?)null));
    }

    [Fact]
    public async Task Requeue_all_with_dry_run_prints_what_would_move_and_moves_nothing()
    {
        var result = (await _environment.Run("dead-letters", "requeue", "--all", "--dry-run")).ShouldSucceed();

        result.StandardOutput.ShouldContain("Dry run: would requeue 3 dead letters; nothing was moved.");
        result.StandardOutput.ShouldContain("walmart-sync.walmart-operations_error");
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
        (await _environment.Count("walmart-sync.walmart-operations_error")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.commerce-events")).ShouldBe(0u);
        (await _environment.Count("walmart-sync.walmart-operations")).ShouldBe(0u);
        await using var connection = await _environment.Database.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<long>("select count(*) from dead_letter_requeue")).ShouldBe(0);
    }

    [Fact]
    public async Task Requeue_all_with_a_filter_moves_only_the_matching_dead_letters()
    {
        var result = (await _environment.Run("dead-letters", "requeue", "--all", "--queue", "walmart-sync.walmart-operations", "--json")).ShouldSucceed().Json();

        result.GetProperty("count").GetInt32().ShouldBe(1);
        (await _environment.Count("walmart-sync.walmart-operations_error")).ShouldBe(0u);
        (await _environment.Count("walmart-sync.walmart-operations")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
    }

    [Fact]
    public async Task Requeue_naming_an_unknown_id_changes_nothing()
    {
        var result = await _environment.Run("dead-letters", "requeue", "evt-1", "no-such-id");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: no dead letter with id no-such-id; nothing was changed");
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
        (await _environment.Count("walmart-sync.commerce-events")).ShouldBe(0u);
    }

    [Fact]
    public async Task Requeue_to_a_queue_that_no_longer_exists_changes_nothing()
    {
        await _environment.Delete("walmart-sync.walmart-operations");

        var result = await _environment.Run("dead-letters", "requeue", "--all");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldContain("queue walmart-sync.walmart-operations does not exist on this broker");
        (await _environment.Count("walmart-sync.walmart-operations_error")).ShouldBe(1u);
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
    }

    [Fact]
    public async Task Requeue_without_ids_or_all_is_a_usage_error()
    {
        var result = await _environment.Run("dead-letters", "requeue");

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldContain("pass --all");
    }

    [Fact]
    public async Task A_requeued_message_that_fails_again_can_be_requeued_again_and_list_counts_the_requeues()
    {
        (await _environment.Run("dead-letters", "requeue", "evt-1")).ShouldSucceed();
        var copy = (await _environment.Drain("walmart-sync.commerce-events")).ShouldHaveSingleItem();
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-1", "data.value.store_code is missing", messageId: "evt-1"));

        (await _environment.Run("dead-letters", "requeue", "evt-1")).ShouldSucceed();

        copy.BasicProperties.MessageId.ShouldBe("evt-1");
        var list = (await _environment.Run("dead-letters", "list", "--json")).ShouldSucceed().Json();
        var requeues = list.GetProperty("requeues").EnumerateArray().ShouldHaveSingleItem();
        requeues.GetProperty("deadLetterQueue").GetString().ShouldBe("walmart-sync.commerce-events_error");
        requeues.GetProperty("requeued").GetInt32().ShouldBe(2);
        requeues.GetProperty("resolved").GetInt32().ShouldBe(0);
    }
}
