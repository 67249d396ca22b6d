using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>Applies the versioned SQL scripts under Migrations/, each once, in name order.</summary>
public static class DatabaseMigrator
{
    // Several worker instances may start together: one migrates while the others wait on this lock.
    private const long MigrationLockKey = 0x0_5EED_0DE5;

    public static void Migrate(string connectionString)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new NoOpUpgradeLog());

        // Session-level lock: released explicitly below, since a pooled connection keeps its session (and the lock) when closed.
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var lockCommand = new NpgsqlCommand($"select pg_advisory_lock({MigrationLockKey})", connection))
        {
            lockCommand.ExecuteNonQuery();
        }

        try
        {
            Upgrade(connectionString);
        }
        finally
        {
            using var unlock = new NpgsqlCommand($"select pg_advisory_unlock({MigrationLockKey})", connection);
            unlock.ExecuteNonQuery();
        }
    }

    private static void Upgrade(string connectionString)
    {

        UpgradeEngine engine = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_version")
            .LogToNowhere()
            .Build();

        DatabaseUpgradeResult result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
    }
}
