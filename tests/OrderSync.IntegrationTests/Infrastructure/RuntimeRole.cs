using System.Diagnostics;
using Npgsql;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>
/// A login role of one test's own, with a random password, given the worker's run-time rights on the test's database by
/// ops/sql/runtime-role.sql as a deployment would; dropped afterwards, so dispose it after the database it was granted on.
/// </summary>
public sealed class RuntimeRole : IAsyncDisposable
{
    private readonly string _ownerConnection;

    private RuntimeRole(string ownerConnection, string name, string password)
    {
        _ownerConnection = ownerConnection;
        Name = name;
        Password = password;
    }

    public string Name { get; }

    public string Password { get; }

    public static async Task<RuntimeRole> Create()
    {
        var services = await LocalServices.Get();
        var name = $"t_rt_{Guid.NewGuid():N}"[..20];
        var password = "rt-" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(services.Postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create role \"{name}\" login password '{password}'", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new RuntimeRole(services.Postgres, name, password);
    }

    /// <summary>The environment's database, as this role.</summary>
    public string ConnectionTo(IsolatedEnvironment environment) =>
        new NpgsqlConnectionStringBuilder(environment.Postgres) { Username = Name, Password = Password }.ConnectionString;

    /// <summary>Runs the repository's grant script with psql, as the schema's owner, on the environment's database.</summary>
    public async Task Grant(IsolatedEnvironment environment)
    {
        var owner = new NpgsqlConnectionStringBuilder(environment.Postgres);
        var start = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = owner.Password },
        };
        foreach (var argument in new[]
        {
            "-X", "-q", "-h", owner.Host!, "-p", owner.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", owner.Username!,
            "-d", owner.Database!, "-v", $"runtime_role={Name}", "-f", Path.Combine(RepositoryPaths.Root, "ops", "sql", "runtime-role.sql"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var psql = Process.Start(start)!;
        var output = psql.StandardOutput.ReadToEndAsync();
        var error = psql.StandardError.ReadToEndAsync();
        await psql.WaitForExitAsync();
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException($"ops/sql/runtime-role.sql failed ({psql.ExitCode}): {await error}{await output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_ownerConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop role if exists \"{Name}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
