using System.Text;
using Microsoft.Extensions.Options;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.OperatorPage;

/// <summary>
/// Reads the worker's dead letters without taking them: each is got unacknowledged and returned to its queue when the
/// channel closes, as <c>ordersync dead-letters list</c> does. At most <see cref="MaxPerQueue"/> a queue.
/// </summary>
public sealed class DeadLetterBrowser(IOptions<ConnectionStringsOptions> connectionStrings)
{
    public const int MaxPerQueue = 1000;

    public static readonly IReadOnlyList<string> Queues =
    [
        .. new[] { QueueNames.CommerceEvents, QueueNames.OrderSync, QueueNames.WalmartOperations, QueueNames.OperatorCommands }
            .SelectMany(queue => new[] { queue + "_error", queue + "_skipped" }),
    ];

    public async Task<IReadOnlyList<DeadLetterGroup>> Groups(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = connectionStrings.Value.RabbitMqUri,
            ClientProvidedName = "ordersync operator page",
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var letters = new List<(string Queue, string Reason, string? PurchaseOrderId, DateTimeOffset? FaultedAt)>();
        foreach (var queue in Queues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            }
            catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
                continue;
            }

            for (var read = 0; read < MaxPerQueue; read++)
            {
                var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
                if (message is null)
                {
                    break;
                }

                var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
                letters.Add((queue, Reason(headers), Text(headers, "x-purchase-order-id"), FaultedAt(headers)));
            }
        }

        return [.. letters
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

    private static string Reason(IDictionary<string, object?> headers) =>
        Text(headers, "MT-Fault-Message") is { Length: > 0 } message ? message
        : Text(headers, "MT-Reason") is { Length: > 0 } reason ? reason
        : "unknown";

    private static DateTimeOffset? FaultedAt(IDictionary<string, object?> headers) =>
        DateTimeOffset.TryParse(Text(headers, "MT-Fault-Timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static string? Text(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        }
        : null;
}

/// <summary>Dead letters of one queue that failed for the same reason.</summary>
public sealed record DeadLetterGroup(string Queue, string Reason, int Messages, DateTimeOffset? FirstFaultedAt, DateTimeOffset? LastFaultedAt, IReadOnlyList<string> PurchaseOrders);
