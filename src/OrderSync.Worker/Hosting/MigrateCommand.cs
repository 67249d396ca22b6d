using Microsoft.Extensions.Configuration;
using Npgsql;
using OrderSync.Persistence;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// <c>OrderSync.Worker migrate</c>: applies the schema's migrations and exits, so that a deployment runs them as the schema's
/// owner in a step of its own and the worker itself as a role with data rights only.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static int Run(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Fail("configuration: ConnectionStrings__Postgres is missing (the schema owner's connection string)", exitCode: 78);
        }

        try
        {
            var applied = DatabaseMigrator.Migrate(connectionString);
            Console.WriteLine(applied.Count == 0
                ? "order-sync: migrate: the database schema was already current"
                : $"order-sync: migrate: applied {string.Join(", ", applied.Select(DatabaseMigrator.ShortName))}; the schema is current");
            return 0;
        }
        catch (ArgumentException exception)
        {
            return Fail($"configuration: ConnectionStrings__Postgres is malformed: {exception.Message}", exitCode: 78);
        }
        catch (NpgsqlException exception)
        {
            return Fail($"PostgreSQL: {exception.Message}", exitCode: 69);
        }
        catch (InvalidOperationException exception)
        {
            return Fail(exception.Message, exitCode: 1);
        }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"order-sync: migrate failed: {message}");
        return exitCode;
    }
}
