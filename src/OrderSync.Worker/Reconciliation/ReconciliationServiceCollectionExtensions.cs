using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>The reconciler, with its options validated at start like the others.</summary>
    public static IServiceCollection AddOrderSyncReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        services.TryAddSingleton<ReconciliationMetrics>();
        services.AddSingleton<ReconciliationPass>();
        services.AddHostedService<ReconciliationService>();
        return services;
    }
}
