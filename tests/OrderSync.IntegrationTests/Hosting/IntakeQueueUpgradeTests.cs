using System.Text;
using OrderSync.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace OrderSync.IntegrationTests.Hosting;

/// <summary>The intake queue became a single-active-consumer queue; one left by an earlier version stops the worker at start with what to do.</summary>
public sealed class IntakeQueueUpgradeTests
{
    [Fact]
    public async Task An_intake_queue_declared_without_single_active_consumer_stops_the_start_with_the_runbook_step()
    {
        await using var environment = await IsolatedEnvironment.Create();
        await using (var connection = await new ConnectionFactory { Uri = environment.RabbitMq }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("walmart-sync.commerce-events", durable: true, exclusive: false, autoDelete: false);
        }

        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => WorkerUnderTest.Start(environment, new Uri("http://127.0.0.1:9/")));

        refusal.Message.ShouldContain("Queue walmart-sync.commerce-events was declared by a version of the worker from before 2026-12-02");
        refusal.Message.ShouldContain("ops/RUNBOOK.md section 6");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_worker_starts_again_on_the_intake_queues_it_declared_itself_including_its_dead_letter_queue(bool quorumQueues)
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?> { ["Worker:QuorumQueues"] = quorumQueues ? "true" : "false" });
        await stack.Commerce.PublishRaw(Encoding.UTF8.GetBytes("this is { not json"), "com.adobe.commerce.observer.sales_order_shipment_save_after", "application/json");
        await Eventually.True(async () => await stack.Broker.Depth("walmart-sync.commerce-events_error") == 1, "the intake's dead letter", TimeSpan.FromSeconds(30));

        await stack.StopWorker();
        await stack.StartWorker();

        var po = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(po, "s1", [("MUG", 1)], trackNumber: "1Z1"));
        await stack.Results.WaitFor("walmart.order.shipment.synced", po);
    }
}
