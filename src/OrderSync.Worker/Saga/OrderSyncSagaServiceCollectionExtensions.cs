using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderSync.Worker.Hosting;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Saga.Activities;

namespace OrderSync.Worker.Saga;

public static class OrderSyncSagaServiceCollectionExtensions
{
    /// <summary>The activities the state machine resolves per message, and the metrics they record; the worker and the saga's tests register the same ones.</summary>
    public static IServiceCollection AddOrderSyncSagaActivities(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<OrderSyncMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkerOptions>();
        services.TryAddSingleton<WalmartOperationLanes>();
        services.AddScoped(typeof(ArrivalOrderActivity<>));
        services.AddScoped(typeof(ReleaseHeldEventActivity<>));
        services.AddScoped<ApplyShipmentActivity>();
        services.AddScoped<ApplyTrackActivity>();
        services.AddScoped<ApplyCancellationActivity>();
        services.AddScoped<ApplyRejectionActivity>();
        services.AddScoped<ApplyResyncActivity>();
        services.AddScoped<ApplyOperationCompletedActivity>();
        services.AddScoped<ApplyOperationFailedActivity>();
        services.AddScoped(typeof(DispatchNextOperationActivity<>));
        services.AddScoped(typeof(ResendOperationInFlightActivity<>));
        return services;
    }
}
