using MassTransit;
using Microsoft.Extensions.Logging;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Inbound;

namespace OrderSync.Worker.OperatorCommands;

/// <summary>Turns the operator's commands into events of the order's saga.</summary>
public sealed class OperatorCommandConsumer(ILogger<OperatorCommandConsumer> logger) : IConsumer<OperatorCommand>
{
    public async Task Consume(ConsumeContext<OperatorCommand> context)
    {
        var command = context.Message;
        if (command.Command != OperatorCommand.Resync)
        {
            throw new InvalidOperatorCommandException($"Unknown operator command '{command.Command}'; the worker knows '{OperatorCommand.Resync}'.");
        }

        if (string.IsNullOrWhiteSpace(command.PurchaseOrderId) || string.IsNullOrWhiteSpace(command.StoreCode))
        {
            throw new InvalidOperatorCommandException("A resync needs purchaseOrderId and storeCode.");
        }

        logger.LogInformation("Resync of order {PurchaseOrderId} of store {StoreCode} requested by {RequestedBy}", command.PurchaseOrderId, command.StoreCode, command.RequestedBy);
        await context.Publish(new ResyncRequested
        {
            CorrelationId = OrderCorrelation.For(command.StoreCode, command.PurchaseOrderId),
            PurchaseOrderId = command.PurchaseOrderId,
            StoreCode = command.StoreCode,
            RequestedBy = command.RequestedBy,
        }, context.CancellationToken);
    }
}
