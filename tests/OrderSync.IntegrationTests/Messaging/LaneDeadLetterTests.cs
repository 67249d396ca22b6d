using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Messaging;

/// <summary>Every seller's lane and the shared operations queue dead-letter into the one operations error queue.</summary>
public sealed class LaneDeadLetterTests
{
    private const string OperationsErrorQueue = "walmart-sync.walmart-operations_error";

    [Fact]
    public async Task A_lanes_dead_letter_and_then_the_shared_queues_both_reach_the_one_error_queue()
    {
        await using var stack = await SyncStack.Start();

        // Declared first by a lane (single active consumer), the error queue must still take the shared queue's dead letters.
        var unknownOrder = WalmartSandbox.NewPurchaseOrderId();
        await stack.Commerce.Publish(CommerceEvents.Shipment(unknownOrder, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.sync.failed", unknownOrder);
        var withoutCredentials = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(withoutCredentials, "s1", [("MUG", 1)], store: "walmart_mx"));
        await stack.Results.WaitFor("walmart.order.sync.failed", withoutCredentials);

        await Eventually.True(async () => await stack.Broker.Depth(OperationsErrorQueue) == 2, "both operations dead-lettered");
        var letters = await stack.TakeDeadLetters(OperationsErrorQueue);
        letters.Select(letter => letter.Reason).ShouldContain(reason => reason.Contains("walmart_mx", StringComparison.Ordinal));
    }
}
