using DbUp;
using DbUp.Engine;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>
/// Applies the versioned SQL scripts under Migrations/, each once, in name order, as the schema's owner; or tells a worker
/// running as a role without DDL rights whether the schema is current. It never creates the database: a mistyped name fails.
/// </summary>
public static class DatabaseMigrator
{
    // Several worker instances may start together: one migrates while the others wait on this lock.
    private const long MigrationLockKey = 0x0_5EED_0DE5;

    /// <summary>Brings the schema up to date; returns the names of the scripts it applied.</summary>
    public static IReadOnlyList<string> Migrate(string connectionString)
    {
        // Session-level lock: released explicitly below, since a pooled connection keeps its session (and the lock) when closed.
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var lockCommand = new NpgsqlCommand($"select pg_advisory_lock({MigrationLockKey})", connection))
        {
            lockCommand.ExecuteNonQuery();
        }

        try
        {
            var engine = Engine(connectionString);
            var pending = engine.GetScriptsToExecute().Select(script => script.Name).ToList();
            var result = engine.PerformUpgrade();
            return result.Successful
                ? pending
                : throw new InvalidOperationException($"Database migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
        finally
        {
            using var unlock = new NpgsqlCommand($"select pg_advisory_unlock({MigrationLockKey})", connection);
            unlock.ExecuteNonQuery();
        }
    }

    /// <summary>The scripts not yet applied, by their short names (<c>0007_ship_by.sql</c>); empty when the schema is current.</summary>
    public static IReadOnlyList<string> PendingScripts(string connectionString) =>
        Engine(connectionString).GetScriptsToExecute().Select(script => ShortName(script.Name)).ToList();

    public static string ShortName(string embeddedName) =>
        embeddedName[(embeddedName.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];

    private static UpgradeEngine Engine(string connectionString) =>
        DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_version")
            .LogToNowhere()
            .Build();
}
