using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.IntegrationTests.Saga;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>
/// PostgreSQL refuses the saga's save after a behaviour has sent its Walmart command: the message waits in a wait queue and
/// comes back, and what the failed attempt sent must never leave (its state was not saved, so the command would run as an
/// operation the saga does not know, beside the one the retry makes).
/// </summary>
public sealed class SagaSaveFailureTests
{
    [Fact]
    public async Task A_failed_saga_save_sends_nothing_of_that_attempt_and_the_order_ships_once_after_the_redelivery()
    {
        await using var stack = await SyncStack.Start();
        await FailTheFirstSaveThatHoldsAnOperation(stack.Environment.Postgres);
        var po = await stack.Sandbox.SeedOrder("MUG", "MUG");

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1"));

        await stack.Results.WaitFor("walmart.order.shipment.synced", po, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await RefusedASave(stack.Environment.Postgres)).ShouldBeTrue("the database was to refuse the first save holding an operation");
        (await stack.Sandbox.Calls(po)).Count(c => c.GetProperty("operation").GetString() == "shipping").ShouldBe(1);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Sum(l => l.Shipped).ShouldBe(1);
        (await OperationsOf(stack.Environment.Postgres, po)).ShouldBe(1);
        (await stack.Broker.Depth("walmart-sync.order-sync_error")).ShouldBe(0u);
        (await stack.Broker.Depth("walmart-sync.walmart-operations_error")).ShouldBe(0u);
    }

    private static async Task FailTheFirstSaveThatHoldsAnOperation(string postgres)
    {
        const string sql = """
            create sequence test_saga_save_failures;

            create function test_fail_first_save_with_an_operation() returns trigger language plpgsql as $$
            begin
                if jsonb_array_length(coalesce(new.data -> 'Operations', '[]'::jsonb)) > 0 then
                    if currval_or_first() then
                        raise exception 'the database system is starting up (test)' using errcode = '57P03';
                    end if;
                end if;
                return new;
            end $$;

            create function currval_or_first() returns boolean language sql as $$
                select nextval('test_saga_save_failures') = 1
            $$;

            create trigger test_fail_first_save before insert or update on order_sync_saga
                for each row execute function test_fail_first_save_with_an_operation();
            """;
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> RefusedASave(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select is_called from test_saga_save_failures", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> OperationsOf(string postgres, string purchaseOrderId)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from walmart_operation where purchase_order_id = @po", connection);
        command.Parameters.AddWithValue("po", purchaseOrderId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
