using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>What the operator's tests do to a real stack: fail an order, ship one, run the command line against it.</summary>
public static class OperatorStack
{
    public const string OperationsErrorQueue = "walmart-sync.walmart-operations_error";

    /// <summary>A shipment of a purchase order Walmart does not know: the operation fails for good, the order is in Error.</summary>
    public static async Task<string> FailOnAnUnknownOrder(SyncStack stack)
    {
        var purchaseOrderId = WalmartSandbox.NewPurchaseOrderId();
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.sync.failed", purchaseOrderId);
        await Eventually.True(async () => await stack.Broker.Depth(OperationsErrorQueue) >= 1, "the dead letter", TimeSpan.FromSeconds(30));
        return purchaseOrderId;
    }

    /// <summary>A one-line order the sandbox knows, shipped in full.</summary>
    public static async Task<string> Ship(SyncStack stack)
    {
        var purchaseOrderId = await stack.Sandbox.SeedOrder("MUG");
        await stack.Commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
        await stack.Results.WaitFor("walmart.order.shipment.synced", purchaseOrderId);
        return purchaseOrderId;
    }

    public static Task<CliResult> Cli(SyncStack stack, params string[] arguments) => Cli(stack.Environment, arguments);

    public static async Task<CliResult> Cli(IsolatedEnvironment environment, params string[] arguments)
    {
        var services = await LocalServices.Get();
        return await OperatorCli.Run(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = environment.RabbitMq.ToString(),
                ["ConnectionStrings__Postgres"] = environment.Postgres,
                ["ORDERSYNC_RABBITMQ_MANAGEMENT_URL"] = services.RabbitMqManagement.ToString(),
            },
            arguments);
    }
}
