using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Contracts;
using OrderSync.Contracts.Events;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Inbound;
using OrderSync.Worker.Persistence;
using OrderSync.Worker.Saga;
using OrderSync.Worker.WalmartOperations;
using RabbitMQ.Client;

namespace OrderSync.Worker.Messaging;

public static class BusConfiguration
{
    /// <summary>
    /// Three queues: the intake bound to Commerce's exchange (raw CloudEvents), the saga (one order's events at a time),
    /// and the Walmart operations. Internal messages between them use MassTransit's envelope.
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

        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CommerceEventConsumer>();
            bus.AddConsumer<ExecuteWalmartOperationConsumer>();
            bus.AddSagaStateMachine<OrderSyncStateMachine, OrderSyncState>().PostgresRepository("order_sync_saga");

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connections = context.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value;
                var worker = context.GetRequiredService<IOptions<WorkerOptions>>().Value;
                rabbit.Host(connections.RabbitMqUri, host => host.ConnectionName("order-sync worker"));
                rabbit.PrefetchCount = worker.PrefetchCount;
                rabbit.ConcurrentMessageLimit = worker.ConcurrentMessageLimit;

                rabbit.ReceiveEndpoint(QueueNames.CommerceEvents, endpoint =>
                {
                    ConfigureQueue(endpoint, worker);
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                    foreach (var type in Topology.CommerceEventTypes)
                    {
                        endpoint.Bind(Topology.CommerceEventsExchange, binding =>
                        {
                            binding.ExchangeType = ExchangeType.Topic;
                            binding.RoutingKey = type;
                        });
                    }

                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Ignore<InvalidCommerceEventException>();
                        retry.Intervals(100, 500, 2000);
                    });
                    endpoint.ConfigureConsumer<CommerceEventConsumer>(context);
                });

                rabbit.ReceiveEndpoint(QueueNames.OrderSync, endpoint =>
                {
                    ConfigureQueue(endpoint, worker);
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Handle<ConcurrencyException>();
                        retry.Handle<NpgsqlException>(exception => exception.IsTransient);
                        retry.Handle<PostgresException>(exception => exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected);
                        retry.Intervals(50, 100, 250, 500, 1000, 2000, 5000);
                    });
                    endpoint.UseInMemoryOutbox(context);

                    var partition = endpoint.CreatePartitioner(worker.ConcurrentMessageLimit);
                    endpoint.ConfigureSaga<OrderSyncState>(context, saga =>
                    {
                        saga.Message<ShipmentReceived>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        saga.Message<TrackReceived>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        saga.Message<CancellationRequested>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        saga.Message<WalmartOperationCompleted>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                        saga.Message<WalmartOperationFailed>(m => m.UsePartitioner(partition, c => c.Message.CorrelationId));
                    });
                });

                rabbit.ReceiveEndpoint(QueueNames.WalmartOperations, endpoint =>
                {
                    ConfigureQueue(endpoint, worker);
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Ignore<OperationRefusedException>();
                        retry.Intervals([.. worker.OperationRetryIntervals]);
                    });
                    endpoint.ConfigureConsumer<ExecuteWalmartOperationConsumer>(context);
                });
            });
        });

        return services;
    }

    private static void ConfigureQueue(IRabbitMqReceiveEndpointConfigurator endpoint, WorkerOptions worker)
    {
        if (worker.QuorumQueues)
        {
            endpoint.SetQuorumQueue();
        }
    }
}
