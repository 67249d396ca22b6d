using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Budget;

namespace OrderSync.Walmart;

public static class WalmartServiceCollectionExtensions
{
    /// <summary>
    /// Binds the "Walmart" configuration section (validated at start-up) and registers
    /// <see cref="IWalmartOrdersClient"/> on a typed HttpClient, with the token cache and the sellers' budgets it shares.
    /// </summary>
    public static IServiceCollection AddWalmartClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WalmartOptions>()
            .Bind(configuration.GetSection(WalmartOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WalmartOptions>, WalmartOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WalmartTokenCache>();
        services.AddMetrics();
        services.TryAddSingleton(provider => new WalmartBudgets(
            provider.GetRequiredService<IOptions<WalmartOptions>>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WalmartBudgets>>()));
        services.TryAddSingleton<WalmartCarrierMapper>();
        services.TryAddSingleton(provider => new WalmartSellerCheck(
            provider.GetRequiredService<WalmartTokenCache>(), provider.GetRequiredService<IOptions<WalmartOptions>>()));

        services.AddHttpClient(WalmartTokenCache.HttpClientName, ConfigureHttpClient);
        services.AddHttpClient<IWalmartOrdersClient, WalmartOrdersClient>(ConfigureHttpClient);
        return services;
    }

    private static void ConfigureHttpClient(IServiceProvider services, HttpClient client)
    {
        var baseUrl = services.GetRequiredService<IOptions<WalmartOptions>>().Value.BaseUrl;
        client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

        // Each call carries its own deadline (Walmart:RequestTimeout) and turns it into a Transient answer.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }
}
