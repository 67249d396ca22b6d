using System.ComponentModel;
using System.Text.Json;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Orders;

/// <summary>
/// Asks the worker to retry the failed operations of an order in Error: a raw JSON command on the worker's
/// walmart-sync.operator-commands queue, published with confirms. The worker, which owns the saga, does the retry.
/// </summary>
public sealed class ResyncOrderCommand : AsyncCommand<ResyncOrderCommand.Settings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed class Settings : OrderSettings
    {
        [CommandOption("--wait <SECONDS>")]
        [Description("Wait up to SECONDS for the order to leave Error, and report its new status; exits 1 if it does not.")]
        public int? WaitSeconds { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            WaitSeconds is < 0 ? Spectre.Console.ValidationResult.Error("--wait takes a number of seconds, 0 or more") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var database = settings.Database();
        var reader = new OrderSyncSagaReader(database);
        var row = await OrderLookup.Find(reader, settings, cancellationToken);
        var status = OrderDocument.OrderStatus(row.Data);
        if (status != "Error")
        {
            throw new CliException($"order {row.PurchaseOrderId} is {(status is null ? "not synced yet" : $"'{status}'")}, not in Error: there is nothing to resync");
        }

        if (OrderDocument.FailedOperations(row.Data) == 0)
        {
            // The error came from a Commerce event (one that failed validation, a cancellation without a reason Walmart takes).
            throw new CliException(
                $"order {row.PurchaseOrderId} is in Error, but none of its Walmart operations failed, so a resync has nothing to retry: " +
                $"{OrderDocument.LastError(row.Data) ?? "no error recorded"}. The event was wrong in Commerce: correct it there, or act on the order in Walmart's Seller Center");
        }

        var command = ResyncCommand.For(row.PurchaseOrderId ?? settings.PurchaseOrderId, row.StoreCode ?? string.Empty, Operator.Name, DateTimeOffset.UtcNow);
        var commandId = Guid.NewGuid();
        await Send(settings.RabbitMqUri(), command, commandId, cancellationToken);

        string? newStatus = status;
        string? lastError = OrderDocument.LastError(row.Data);
        var waited = false;
        if (settings.WaitSeconds is { } seconds and > 0)
        {
            waited = true;
            (newStatus, lastError) = await OperatorProgress.Wait(settings.Json, $"waiting up to {seconds} s for order {command.PurchaseOrderId} to leave Error", () =>
                WaitForChange(reader, row.CorrelationId, TimeSpan.FromSeconds(seconds), cancellationToken));
            if (newStatus == "Error")
            {
                throw new CliException($"order {command.PurchaseOrderId} is still in Error after {seconds} s (the resync command was sent): {lastError ?? "no error recorded"}");
            }
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { command.PurchaseOrderId, command.StoreCode, commandId, command.RequestedBy, command.RequestedAt, queue = ResyncCommand.Queue, orderStatus = newStatus, lastError, waited });
            return ExitCodes.Success;
        }

        Console.Out.WriteLine($"Sent resync of order {command.PurchaseOrderId} (store {command.StoreCode}) to the worker on {ResyncCommand.Queue} as command {commandId}.");
        Console.Out.WriteLine(waited ? $"Order {command.PurchaseOrderId} is now {newStatus ?? "without a status"}." : "Follow it with: ordersync orders show " + command.PurchaseOrderId);
        return ExitCodes.Success;
    }

    private static async Task Send(Uri rabbitMq, ResyncCommand command, Guid commandId, CancellationToken cancellationToken)
    {
        await using var connection = await Broker.Connect(rabbitMq, cancellationToken);
        if ((await Broker.ExistingQueues(connection, [ResyncCommand.Queue], cancellationToken)).Count == 0)
        {
            throw new CliException($"the worker has not created queue {ResyncCommand.Queue} on this broker; start the worker once");
        }

        await using var channel = await Broker.ConfirmingChannel(connection, cancellationToken);
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = commandId.ToString(),
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
        };
        try
        {
            await channel.BasicPublishAsync(string.Empty, ResyncCommand.Queue, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(command), cancellationToken);
        }
        catch (PublishException exception)
        {
            throw new CliException($"the broker did not confirm the resync command ({(exception.IsReturn ? "unroutable" : "refused")}); nothing was sent", ExitCodes.Unavailable);
        }
    }

    private static async Task<(string? Status, string? LastError)> WaitForChange(OrderSyncSagaReader reader, Guid correlationId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var row = await reader.Get(correlationId, cancellationToken);
            var status = row is null ? null : OrderDocument.OrderStatus(row.Data);
            var lastError = row is null ? null : OrderDocument.LastError(row.Data);
            if (status != "Error" || DateTimeOffset.UtcNow >= deadline)
            {
                return (status, lastError);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
