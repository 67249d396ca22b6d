using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The retention job, with its options validated at start like the others.</summary>
    public static IServiceCollection AddOrderSyncRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionPass>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
