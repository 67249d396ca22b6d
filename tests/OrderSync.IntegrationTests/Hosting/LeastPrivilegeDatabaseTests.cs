using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Hosting;

/// <summary>Migrations as a step of their own, as the schema's owner; the worker as a role with data rights only.</summary>
public sealed class LeastPrivilegeDatabaseTests
{
    [Fact]
    public async Task The_worker_syncs_as_the_data_only_role_after_migrate_ran_as_the_owner()
    {
        await using var role = await RuntimeRole.Create();
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start();
        var (migrated, migrateError, migrateOutput) = await WorkerProcess.Run(
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = environment.Postgres }, TimeSpan.FromSeconds(60), arguments: ["migrate"]);
        migrated.ShouldBe(0, migrateError);
        migrateOutput.ShouldContain("the schema is current");
        await role.Grant(environment);

        await using (var worker = await RunningWorkerProcess.Start(environment, sandbox.BaseUrl, new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = role.ConnectionTo(environment),
            ["Database__MigrateOnStart"] = "false",
        }))
        {
            await using var results = await SyncResultListener.Connect(environment.RabbitMq);
            await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
            var purchaseOrderId = await sandbox.SeedOrder("MUG");

            await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));

            var result = await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60));
            result.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
            worker.HasExited.ShouldBeFalse();
        }

        await using var asRuntime = new NpgsqlConnection(role.ConnectionTo(environment));
        await asRuntime.OpenAsync();
        await using var ddl = new NpgsqlCommand("create table not_allowed (id int)", asRuntime);
        var refused = await Should.ThrowAsync<PostgresException>(() => ddl.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await using var journal = new NpgsqlCommand("delete from schema_version", asRuntime);
        (await Should.ThrowAsync<PostgresException>(() => journal.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Without_migrate_a_worker_that_may_not_migrate_stops_with_one_line_saying_the_schema_is_not_current()
    {
        await using var environment = await IsolatedEnvironment.Create();

        var (exitCode, error, _) = await WorkerProcess.Run(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = environment.RabbitMq.ToString(),
                ["ConnectionStrings__Postgres"] = environment.Postgres,
                ["Walmart__BaseUrl"] = "http://127.0.0.1:9/",
                ["Walmart__Sellers__walmart_us__ClientId"] = "id",
                ["Walmart__Sellers__walmart_us__ClientSecret"] = "secret",
                ["Database__MigrateOnStart"] = "false",
            },
            TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(69);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("the database schema is not current");
        await using var connection = new NpgsqlConnection(environment.Postgres);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", connection);
        ((long)(await tables.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task The_worker_does_not_create_a_database_that_does_not_exist()
    {
        var services = await LocalServices.Get();
        var missing = services.PostgresFor("t_missing_" + Guid.NewGuid().ToString("N")[..8]);

        var (exitCode, error, _) = await WorkerProcess.Run(
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = missing }, TimeSpan.FromSeconds(60), arguments: ["migrate"]);

        exitCode.ShouldBe(69);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("does not exist");
    }
}
