using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace OrderSync.Worker.SagaRepository;

/// <summary>
/// A saga repository on PostgreSQL: each message locks its saga's row (<c>select ... for update</c>) for the length of one
/// behaviour, so events of one order are applied one at a time across every worker instance; the version check is a second guard.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    NpgsqlDataSource dataSource,
    PostgresSagaRepositoryOptions<TSaga> options,
    ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga> factory) :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.Begin(dataSource, options.TableName, context.CancellationToken);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(session, context, factory);

        await next.Send(repositoryContext);

        await session.Commit(context.CancellationToken);
    }

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.Begin(dataSource, options.TableName, context.CancellationToken);
        var instances = await session.Query(query.FilterExpression, context.CancellationToken);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(session, context, factory);

        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));

        await session.Commit(context.CancellationToken);
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => ExecuteReadOnly(asyncMethod, cancellationToken);

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => ExecuteReadOnly(asyncMethod, cancellationToken);

    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");

    private async Task<T> ExecuteReadOnly<T>(Func<PostgresSagaQueryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken)
    {
        await using var session = await PostgresSagaSession<TSaga>.Begin(dataSource, options.TableName, cancellationToken);
        var result = await asyncMethod(new PostgresSagaQueryContext<TSaga>(session, cancellationToken));
        await session.Commit(cancellationToken);
        return result;
    }
}
