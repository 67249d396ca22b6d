using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Operations.DeadLetters;
using OrderSync.Persistence;
using OrderSync.Worker.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.OperatorPage;

/// <summary>
/// The worker's dead letters for the on-call page, read as <c>ordersync dead-letters</c> reads them (<see cref="HeldDeadLetters"/>):
/// held unacknowledged and returned to their queue, unless a requeue or purge of their group took them.
/// At most <see cref="MaxPerQueue"/> a queue.
/// </summary>
public sealed class DeadLetterBrowser(IOptions<ConnectionStringsOptions> connectionStrings, IOptions<RabbitMqTlsOptions> tls, NpgsqlDataSource database)
{
    public const int MaxPerQueue = 1000;

    private const string ActedBy = "operator page";

    public async Task<IReadOnlyList<DeadLetterGroup>> Groups(CancellationToken cancellationToken)
    {
        await using var held = await Hold(WorkerQueues.DeadLetterQueues, cancellationToken);
        return [.. held.Messages
            .GroupBy(letter => (letter.Queue, letter.Reason))
            .Select(group => new DeadLetterGroup(
                group.Key.Queue,
                group.Key.Reason,
                group.Count(),
                group.Min(letter => letter.FaultedAt),
                group.Max(letter => letter.FaultedAt),
                [.. group.Select(letter => letter.PurchaseOrderId).OfType<string>().Distinct(StringComparer.Ordinal).Take(10)]))
            .OrderByDescending(group => group.Messages)];
    }

    /// <summary>Sends the group's dead letters back to the queues they failed on; those requeue refuses stay. Null for a queue not the worker's.</summary>
    public async Task<DeadLetterGroupOutcome?> Requeue(string queue, string reason, CancellationToken cancellationToken)
    {
        if (!WorkerQueues.IsDeadLetterQueue(queue))
        {
            return null;
        }

        await using var held = await Hold([queue], cancellationToken);
        var group = held.Messages.Where(letter => letter.Reason == reason).ToList();
        var movable = group.Where(letter => letter.TargetQueue is not null).ToList();
        if (movable.Count > 0)
        {
            var log = new DeadLetterRequeueLog(database);
            await using var requeuer = await DeadLetterRequeuer.Open(held.Connection, cancellationToken);
            foreach (var letter in movable)
            {
                await DeadLetterActions.Requeue(held, requeuer, log, letter, ActedBy, cancellationToken);
            }
        }

        return new DeadLetterGroupOutcome(movable.Count, group.Count - movable.Count);
    }

    /// <summary>Archives the group's dead letters to dead_letter_archive, then deletes them. Null for a queue not the worker's.</summary>
    public async Task<DeadLetterGroupOutcome?> Purge(string queue, string reason, CancellationToken cancellationToken)
    {
        if (!WorkerQueues.IsDeadLetterQueue(queue))
        {
            return null;
        }

        await using var held = await Hold([queue], cancellationToken);
        var group = held.Messages.Where(letter => letter.Reason == reason).ToList();
        await DeadLetterActions.Purge(held, new DeadLetterArchive(database), group, ActedBy, () => { }, cancellationToken);
        return new DeadLetterGroupOutcome(group.Count, 0);
    }

    private async Task<HeldDeadLetters> Hold(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var factory = BrokerConnections.Factory(connectionStrings.Value, tls.Value, "ordersync operator page");
        factory.AutomaticRecoveryEnabled = false;
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        try
        {
            var existing = new List<DeadLetterQueue>();
            foreach (var queue in queues)
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    existing.Add(new DeadLetterQueue(queue, Math.Min(declared.MessageCount, MaxPerQueue)));
                }
                catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == Constants.NotFound)
                {
                }
            }

            return await HeldDeadLetters.Read(connection, existing, () => { }, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Dead letters of one queue that failed for the same reason.</summary>
public sealed record DeadLetterGroup(string Queue, string Reason, int Messages, DateTimeOffset? FirstFaultedAt, DateTimeOffset? LastFaultedAt, IReadOnlyList<string> PurchaseOrders);

/// <summary>How many of a group's dead letters an action took, and how many it left where they were.</summary>
public sealed record DeadLetterGroupOutcome(int Done, int Left);
