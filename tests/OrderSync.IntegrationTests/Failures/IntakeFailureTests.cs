using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.IntegrationTests.Saga;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>
/// The intake cannot number an event (PostgreSQL refuses) past its quick retries: the raw CloudEvent goes to a wait queue and
/// must come back as Commerce sent it, not as the placeholder MassTransit dispatches it as.
/// </summary>
public sealed class IntakeFailureTests
{
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Worker:RetryIntervals:0"] = "00:00:00.100",
        ["Worker:RedeliveryDelays:0"] = "00:00:00.500",
    };

    [Fact]
    public async Task An_event_the_intake_could_not_number_comes_back_from_the_wait_queue_whole_and_is_synced()
    {
        await using var stack = await SyncStack.Start(QuickRetries);
        await RefuseTheFirstArrivals(stack.Environment.Postgres, count: 3);
        var po = await stack.Sandbox.SeedOrder("MUG");

        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1"), contentType: "application/cloudevents+json");

        (await stack.Results.WaitFor("walmart.order.shipment.synced", po, TimeSpan.FromSeconds(60))).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        (await RefusedArrivals(stack.Environment.Postgres)).ShouldBeGreaterThanOrEqualTo(3, "both quick attempts failed, so the event went through a wait queue");
        (await stack.Broker.Depth("walmart-sync.commerce-events_error")).ShouldBe(0u);
        (await SandboxLedger.Lines(stack.Sandbox, po)).Single().TrackingNumbers.ShouldBe(["1Z1"]);
    }

    private static async Task RefuseTheFirstArrivals(string postgres, int count)
    {
        var sql = $"""
            create sequence test_arrival_refusals;

            create function test_refuse_first_arrivals() returns trigger language plpgsql as $$
            begin
                if nextval('test_arrival_refusals') <= {count} then
                    raise exception 'the database system is starting up (test)' using errcode = '57P03';
                end if;
                return new;
            end $$;

            create trigger test_refuse_first_arrivals before insert on order_event_arrival
                for each row execute function test_refuse_first_arrivals();
            """;
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> RefusedArrivals(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select last_value from test_arrival_refusals", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
