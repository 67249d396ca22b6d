using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Persistence;
using OrderSync.Walmart;
using OrderSync.Worker.Messaging;
using OrderSync.Worker.Observability;
using OrderSync.Worker.Reconciliation;
using OrderSync.Worker.Retention;
using OrderSync.Worker.Saga;
using OrderSync.Worker.WalmartOperations;

namespace OrderSync.Worker.Hosting;

public static class OrderSyncHostExtensions
{
    public static IHostApplicationBuilder AddOrderSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<ConnectionStringsOptions>().Bind(builder.Configuration.GetSection(ConnectionStringsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectionStringsOptions>, ConnectionStringsValidator>();
        services.AddOptions<RabbitMqTlsOptions>().Bind(builder.Configuration.GetSection(RabbitMqTlsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqTlsOptions>, RabbitMqTlsOptionsValidator>();
        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>(ShutdownAfterTheWorkersDrain);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => OrderSyncDataSource.Create(provider.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value.Postgres!));
        services.AddSingleton<WalmartOperationStore>();
        services.AddSingleton<EventArrivalLog>();
        services.AddSingleton<WalmartBudgetLog>();
        services.AddSingleton<WalmartCallRecorder>();
        services.AddWalmartClient(builder.Configuration);

        services.AddOrderSyncSaga();

        // Order matters: the schema and the contract's exchanges exist before the bus starts consuming.
        services.AddHostedService<PlaintextLinkWarnings>();
        services.AddHostedService<DatabaseMigrationService>();
        services.AddHostedService<BrokerTopologyService>();

        // Before the bus, so that it stops after it: what the draining consumers deliver is deleted by its last turn.
        services.AddHostedService<Saga.Outbox.OutboxSweeper>();
        services.AddOrderSyncBus();
        services.AddHostedService<Observability.WalmartBudgetReporter>();

        // After the bus: it starts once the schema is migrated, and stops first, so a pass holds no connection while the bus drains.
        services.AddOrderSyncRetention(builder.Configuration);
        services.AddOrderSyncReconciliation(builder.Configuration);

        // After the schema is migrated: it reads columns the migrations add.
        services.AddSingleton<ShipByWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<ShipByWatch>());

        return builder;
    }

    /// <summary>
    /// The host reads its options while it is built, before the start-up validation that reports a bad setting in one line: a
    /// bad Worker setting leaves the default here and is reported there.
    /// </summary>
    private static void ShutdownAfterTheWorkersDrain(HostOptions host, IOptions<WorkerOptions> worker)
    {
        try
        {
            host.ShutdownTimeout = worker.Value.ShutdownTimeout + TimeSpan.FromSeconds(5);
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
        }
    }
}
