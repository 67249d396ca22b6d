using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>Each seller's budget at Walmart as last reported by the instance calling for it.</summary>
public sealed class WalmartBudgetLog(NpgsqlDataSource dataSource)
{
    public async Task Report(IReadOnlyList<WalmartBudgetRow> budgets, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into walmart_budget (seller, endpoint, store_codes, learnt_per_minute, ceiling_per_minute, waiting, held_until, updated_at)
            values (@Seller, @Endpoint, @StoreCodes, @LearntPerMinute, @CeilingPerMinute, @Waiting, @HeldUntil, now())
            on conflict (seller, endpoint) do update set
                store_codes = excluded.store_codes, learnt_per_minute = excluded.learnt_per_minute,
                ceiling_per_minute = excluded.ceiling_per_minute, waiting = excluded.waiting, held_until = excluded.held_until,
                updated_at = excluded.updated_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, budgets, cancellationToken: cancellationToken));
    }

    /// <summary>Every seller's budget, for the operator's status.</summary>
    public async Task<IReadOnlyList<WalmartBudgetRow>> All(CancellationToken cancellationToken)
    {
        const string sql = """
            select seller as Seller, endpoint as Endpoint, store_codes as StoreCodes, learnt_per_minute as LearntPerMinute,
                   ceiling_per_minute as CeilingPerMinute, waiting as Waiting, held_until as HeldUntil, updated_at as UpdatedAt
            from walmart_budget
            order by seller, endpoint
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WalmartBudgetRow>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<WalmartBudgetRow>> ForStore(string storeCode, CancellationToken cancellationToken)
    {
        const string sql = """
            select seller as Seller, endpoint as Endpoint, store_codes as StoreCodes, learnt_per_minute as LearntPerMinute,
                   ceiling_per_minute as CeilingPerMinute, waiting as Waiting, held_until as HeldUntil, updated_at as UpdatedAt
            from walmart_budget
            where lower(@StoreCode) = any(select lower(code) from unnest(store_codes) as code)
            order by endpoint
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WalmartBudgetRow>(new CommandDefinition(sql, new { StoreCode = storeCode }, cancellationToken: cancellationToken))];
    }
}
