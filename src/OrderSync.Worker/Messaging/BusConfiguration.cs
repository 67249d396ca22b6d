using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Contracts;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Inbound;
using OrderSync.Worker.Messaging.Redelivery;
using OrderSync.Worker.Observability;
using OrderSync.Worker.OperatorCommands;
using OrderSync.Worker.Saga;
using OrderSync.Worker.WalmartOperations;
using RabbitMQ.Client;

namespace OrderSync.Worker.Messaging;

public static class BusConfiguration
{
    /// <summary>
    /// Four kinds of queue: the intake bound to Commerce's exchange (raw CloudEvents; read by one instance at a time, in order, so that
    /// it can number each order's events as they arrived), the saga (one order's events at a time, in that order), the
    /// Walmart operations (a lane per seller account, see <see cref="WalmartOperationLanes"/>), and the operator's commands. Internal messages between them use MassTransit's envelope.
    /// Every queue has quick in-memory retries (on the consumer, inside the redelivery filter of its message type) inside
    /// durable delayed redelivery (wait queues), then its _error queue. The saga sends only what it saved (its outbox), so an
    /// attempt that failed sent nothing.
    /// </summary>
    public static IServiceCollection AddOrderSyncBus(this IServiceCollection services)
    {
        // Ready means bound: Commerce may publish as soon as the worker reports started.
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = worker.Value.ShutdownTimeout;
        });

        services.AddScoped(typeof(LogContextFilter<>));
        services.AddScoped(typeof(DelayedRedeliveryFilter<>));
        services.AddScoped(typeof(RequeueResolutionFilter<>));
        services.AddScoped<IRedeliveryExhausted<Contracts.Commands.ExecuteWalmartOperation>>(provider => provider.GetRequiredService<ExecuteWalmartOperationConsumer>());

        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CommerceEventConsumer>();
            bus.AddConsumer<ExecuteWalmartOperationConsumer>();
            bus.AddConsumer<OperatorCommandConsumer>();
            bus.AddConsumer<OrderSyncConsumer>();

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connections = context.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value;
                var worker = context.GetRequiredService<IOptions<WorkerOptions>>().Value;
                var tls = context.GetRequiredService<IOptions<RabbitMqTlsOptions>>().Value;
                rabbit.Host(connections.RabbitMqUri, host =>
                {
                    host.ConnectionName("order-sync worker");
                    BrokerConnections.Configure(host, connections, tls);
                });
                rabbit.PrefetchCount = worker.PrefetchCount;
                rabbit.ConcurrentMessageLimit = worker.ConcurrentMessageLimit;
                var deadLetterQueues = new LaneDeadLetterQueues();
                rabbit.SendTopology.ErrorQueueNameFormatter = deadLetterQueues;
                rabbit.SendTopology.DeadLetterQueueNameFormatter = deadLetterQueues;
                rabbit.SendTopology.ConfigureErrorSettings = LaneDeadLetterQueues.WithoutSingleActiveConsumer;
                rabbit.SendTopology.ConfigureDeadLetterSettings = LaneDeadLetterQueues.WithoutSingleActiveConsumer;

                rabbit.ReceiveEndpoint(QueueNames.CommerceEvents, endpoint =>
                {
                    ConfigureQueue(endpoint, worker, context);

                    // Arrival order: one instance reads the intake, one event at a time, and numbers each order's events.
                    endpoint.SingleActiveConsumer = true;
                    endpoint.ConcurrentMessageLimit = 1;
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.AddDeserializer(new TolerantCloudEventSerializerFactory(), isDefault: true);
                    foreach (var type in Topology.CommerceEventTypes)
                    {
                        endpoint.Bind(Topology.CommerceEventsExchange, binding =>
                        {
                            binding.ExchangeType = ExchangeType.Topic;
                            binding.RoutingKey = type;
                        });
                    }

                    endpoint.ConfigureConsumer<CommerceEventConsumer>(context, consumer => consumer.UseMessageRetry(retry =>
                    {
                        retry.Ignore<InvalidCommerceEventException>();
                        retry.Intervals([.. worker.EffectiveRetryIntervals]);
                    }));
                });

                rabbit.ReceiveEndpoint(QueueNames.OrderSync, endpoint =>
                {
                    ConfigureQueue(endpoint, worker, context);
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Handle<ConcurrencyException>();
                        retry.Handle<NpgsqlException>(exception => exception.IsTransient);
                        retry.Handle<PostgresException>(exception => exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected);
                        retry.Ignore<RedeliveryExhaustedException>();
                        retry.Intervals(50, 100, 250, 500, 1000, 2000, 5000);
                    });

                    // One order's messages one at a time on this instance; the row lock does it across instances.
                    var partition = endpoint.CreatePartitioner(worker.ConcurrentMessageLimit);
                    endpoint.ConfigureConsumer<OrderSyncConsumer>(context, consumer =>
                    {
                        consumer.Message<ShipmentReceived>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<TrackReceived>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<CancellationRequested>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<CommerceEventRejected>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<ResyncRequested>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<HeldEventsDue>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<WalmartOperationCompleted>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<WalmartOperationFailed>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        consumer.Message<WalmartOrderReconciled>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                    });
                });

                rabbit.ReceiveEndpoint(QueueNames.WalmartOperations, endpoint => ConfigureWalmartOperations(endpoint, worker, context));
                foreach (var account in context.GetRequiredService<WalmartOperationLanes>().Accounts)
                {
                    rabbit.ReceiveEndpoint(WalmartOperationLanes.QueueOf(account), endpoint =>
                    {
                        endpoint.SingleActiveConsumer = true;
                        endpoint.ConcurrentMessageLimit = worker.LaneConcurrentMessageLimit;
                        endpoint.PrefetchCount = (ushort)Math.Min(worker.PrefetchCount, worker.LaneConcurrentMessageLimit * 2);
                        ConfigureWalmartOperations(endpoint, worker, context);
                    });
                }

                rabbit.ReceiveEndpoint(QueueNames.OperatorCommands, endpoint =>
                {
                    ConfigureQueue(endpoint, worker, context);
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                    endpoint.ConfigureConsumer<OperatorCommandConsumer>(context, consumer => consumer.UseMessageRetry(retry =>
                    {
                        retry.Ignore<InvalidOperatorCommandException>();
                        retry.Intervals([.. worker.EffectiveRetryIntervals]);
                    }));
                });
            });
        });

        return services;
    }

    private static void ConfigureWalmartOperations(IRabbitMqReceiveEndpointConfigurator endpoint, WorkerOptions worker, IRegistrationContext context)
    {
        ConfigureQueue(endpoint, worker, context);
        endpoint.ConfigureConsumeTopology = false;
        endpoint.ConfigureConsumer<ExecuteWalmartOperationConsumer>(context, consumer => consumer.UseMessageRetry(retry =>
        {
            retry.Ignore<OperationRefusedException>();
            retry.Ignore<WalmartThrottledException>();
            retry.Intervals([.. worker.EffectiveRetryIntervals]);
        }));
    }

    private static void ConfigureQueue(IRabbitMqReceiveEndpointConfigurator endpoint, WorkerOptions worker, IRegistrationContext context)
    {
        if (worker.QuorumQueues)
        {
            endpoint.SetQuorumQueue();
        }

        endpoint.UseConsumeFilter(typeof(LogContextFilter<>), context);
        endpoint.UseConsumeFilter(typeof(DelayedRedeliveryFilter<>), context);
        endpoint.UseConsumeFilter(typeof(RequeueResolutionFilter<>), context);
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new DeadLetterHeadersFilter(context.GetRequiredService<OrderSyncMetrics>()));
            error.UseFilter(new MassTransit.Middleware.GenerateFaultFilter());
            error.UseFilter(new MassTransit.Middleware.ErrorTransportFilter());
        });
    }
}
