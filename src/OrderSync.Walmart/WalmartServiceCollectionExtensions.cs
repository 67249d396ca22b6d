using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

public static class WalmartServiceCollectionExtensions
{
    /// <summary>
    /// Binds the "Walmart" configuration section (validated at start-up) and registers
    /// <see cref="IWalmartOrdersClient"/> on a typed HttpClient, with the token cache and rate limiter it shares.
    /// </summary>
    public static IServiceCollection AddWalmartClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WalmartOptions>()
            .Bind(configuration.GetSection(WalmartOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WalmartOptions>, WalmartOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WalmartTokenCache>();
        services.TryAddSingleton<WalmartRateLimiter>();
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
