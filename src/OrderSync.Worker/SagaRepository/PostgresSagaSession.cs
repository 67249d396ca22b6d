using System.Linq.Expressions;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace OrderSync.Worker.SagaRepository;

/// <summary>One transaction on the saga table: the unit a message is applied in.</summary>
public sealed class PostgresSagaSession<TSaga> : IAsyncDisposable
    where TSaga : class, ISagaVersion
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _table;

    private PostgresSagaSession(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
    }

    public static async Task<PostgresSagaSession<TSaga>> Begin(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new PostgresSagaSession<TSaga>(connection, transaction, table);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<TSaga?> Load(Guid correlationId, CancellationToken cancellationToken)
    {
        var sql = $"""
            select version, data::text as data from {_table}
            where correlation_id = @correlationId
            for update
            """;
        var row = await _connection.QuerySingleOrDefaultAsync<SagaRow>(
            new CommandDefinition(sql, new { correlationId }, _transaction, cancellationToken: cancellationToken));
        return row is null ? null : Materialize(row);
    }

    public async Task<IReadOnlyList<TSaga>> Query(Expression<Func<TSaga, bool>> filter, CancellationToken cancellationToken)
    {
        if (!CorrelationIdFilter.TryGetCorrelationId(filter, out var correlationId))
        {
            throw new NotSupportedException($"The PostgreSQL saga repository queries by CorrelationId only, not by {filter}.");
        }

        var instance = await Load(correlationId, cancellationToken);
        return instance is not null && filter.Compile()(instance) ? [instance] : [];
    }

    public async Task Insert(TSaga instance, CancellationToken cancellationToken)
    {
        var sql = $"""
            insert into {_table} (correlation_id, version, data)
            values (@correlationId, 1, @data::jsonb)
            on conflict (correlation_id) do nothing
            """;
        instance.Version = 1;
        var inserted = await _connection.ExecuteAsync(new CommandDefinition(
            sql, new { correlationId = instance.CorrelationId, data = Serialize(instance) }, _transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new ConcurrencyException("The saga was created by another message at the same time", typeof(TSaga), instance.CorrelationId);
        }
    }

    public async Task Update(TSaga instance, CancellationToken cancellationToken)
    {
        var sql = $"""
            update {_table}
            set version = @version + 1, data = @data::jsonb, updated_at = now()
            where correlation_id = @correlationId and version = @version
            """;
        var expectedVersion = instance.Version;
        instance.Version = expectedVersion + 1;
        var updated = await _connection.ExecuteAsync(new CommandDefinition(
            sql, new { correlationId = instance.CorrelationId, version = expectedVersion, data = Serialize(instance) }, _transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            instance.Version = expectedVersion;
            throw new ConcurrencyException("The saga was changed by another message at the same time", typeof(TSaga), instance.CorrelationId);
        }
    }

    public Task Delete(TSaga instance, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition(
            $"delete from {_table} where correlation_id = @correlationId", new { correlationId = instance.CorrelationId }, _transaction, cancellationToken: cancellationToken));

    public Task Commit(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static string Serialize(TSaga instance) => JsonSerializer.Serialize(instance, JsonOptions);

    private static TSaga Materialize(SagaRow row)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(row.Data, JsonOptions)
            ?? throw new InvalidOperationException($"A {typeof(TSaga).Name} row holds no state.");
        instance.Version = row.Version;
        return instance;
    }

    private sealed record SagaRow(int Version, string Data);
}
