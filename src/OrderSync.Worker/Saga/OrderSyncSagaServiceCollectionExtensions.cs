using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Messaging.Redelivery;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Reconciliation;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Saga;

public static class OrderSyncSagaServiceCollectionExtensions
{
    /// <summary>What the saga's consumer needs, with the orders kept in PostgreSQL unless an <see cref="IOrderSyncStore"/> is registered before.</summary>
    public static IServiceCollection AddOrderSyncSaga(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<OrderSyncMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkerOptions>();
        services.AddOptions<ReconciliationOptions>();
        services.TryAddSingleton<ReconciliationMetrics>();
        services.TryAddSingleton<WalmartOperationLanes>();
        services.TryAddSingleton<DelayedRedelivery>();
        services.TryAddSingleton<IHeldEventTimer, WaitQueueHeldEventTimer>();
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton<OrderSyncSaga>();
        services.TryAddSingleton<OrderSyncStore>();
        services.TryAddSingleton<IOrderSyncStore>(provider => provider.GetRequiredService<OrderSyncStore>());
        return services;
    }
}
