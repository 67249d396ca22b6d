using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>
/// A session-level advisory lock, released explicitly: a pooled connection keeps its session, so closing it alone would
/// leave the lock held until the connection is reused. If the process dies, the server ends the session and the lock with it.
/// </summary>
internal sealed class OperationLock(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key });
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
