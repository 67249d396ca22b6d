using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderSync.Worker.SagaRepository;

public static class PostgresSagaRepositoryExtensions
{
    /// <summary>Keeps the saga's instances in a PostgreSQL table (correlation_id, version, data jsonb) created by the migrations.</summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator, string tableName)
        where TSaga : class, ISagaVersion
    {
        configurator.Repository(registration =>
        {
            registration.TryAddSingleton(new PostgresSagaRepositoryOptions<TSaga>(tableName));
            registration.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            registration.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            registration.RegisterSagaRepository<TSaga, PostgresSagaSession<TSaga>, SagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga>,
                PostgresSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
