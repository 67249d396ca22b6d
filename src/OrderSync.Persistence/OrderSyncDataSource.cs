using Npgsql;

namespace OrderSync.Persistence;

public static class OrderSyncDataSource
{
    /// <summary>
    /// The worker's connections keep no session state between uses (its advisory locks are released explicitly), so the
    /// <c>DISCARD ALL</c> Npgsql sends on every return to the pool is pure cost, and the few statements it repeats are
    /// worth preparing once per connection. A connection string that sets either keyword keeps its own value.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "reset on close"))
        {
            settings.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "auto prepare"))
        {
            settings.MaxAutoPrepare = 32;
            settings.AutoPrepareMinUsages = 2;
        }

        return NpgsqlDataSource.Create(settings);
    }

    private static bool Mentions(string connectionString, string keyword) =>
        connectionString.Replace("_", " ", StringComparison.Ordinal).Contains(keyword, StringComparison.OrdinalIgnoreCase);
}
