using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OrderSync.Operations.DeadLetters;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.Observability;

/// <summary>
/// Messages waiting in the intake queue and in each dead-letter queue, read every 15 s by passive declares on a connection of
/// its own: an intake that keeps growing means the instances do not keep up (or none reads it); a dead letter waits for an
/// operator. A queue not declared yet reports 0.
/// </summary>
public sealed class QueueDepthWatch : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private static readonly string[] Queues = [QueueNames.CommerceEvents, .. WorkerQueues.DeadLetterQueues];

    private readonly IOptions<ConnectionStringsOptions> connectionStrings;
    private readonly IOptions<RabbitMqTlsOptions> tls;
    private readonly TimeProvider clock;
    private readonly ILogger<QueueDepthWatch> logger;
    private readonly Lock _gate = new();
    private IReadOnlyList<Measurement<long>> _last = [];

    public QueueDepthWatch(IOptions<ConnectionStringsOptions> connectionStrings, IOptions<RabbitMqTlsOptions> tls, TimeProvider clock, IMeterFactory meterFactory, ILogger<QueueDepthWatch> logger)
    {
        this.connectionStrings = connectionStrings;
        this.tls = tls;
        this.clock = clock;
        this.logger = logger;
        meterFactory.Create(OrderSyncMetrics.MeterName).CreateObservableGauge(
            "ordersync.queue.messages",
            Observe,
            description: "Messages waiting in the intake queue and in each dead-letter queue (_error, _skipped), as last read (every 15 s).");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            return _last;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = BrokerConnections.Factory(connectionStrings.Value, tls.Value, "ordersync queue depth watch");
        factory.AutomaticRecoveryEnabled = false;
        IConnection? connection = null;
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    connection ??= await factory.CreateConnectionAsync(stoppingToken);
                    var measurements = new List<Measurement<long>>();
                    foreach (var queue in Queues)
                    {
                        measurements.Add(new Measurement<long>(await Depth(connection, queue, stoppingToken), new KeyValuePair<string, object?>("queue", queue)));
                    }

                    lock (_gate)
                    {
                        _last = measurements;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
                {
                    // Readiness reports the broker; the gauge keeps the last depths and the next turn connects again.
                    logger.LogDebug(exception, "The queues' depths could not be read; they are read again in {Interval}", Interval);
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A missing queue closes the channel it was asked on (404): each queue gets a channel of its own.</summary>
    private static async Task<long> Depth(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return 0;
        }
    }
}
