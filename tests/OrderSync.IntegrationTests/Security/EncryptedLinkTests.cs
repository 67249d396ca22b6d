using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Security;

/// <summary>The worker and the CLI over amqps with the broker's chain validated, and over PostgreSQL VerifyFull.</summary>
public sealed class EncryptedLinkTests(TlsServices tls) : IClassFixture<TlsServices>
{
    [Fact]
    public async Task The_worker_and_the_cli_sync_and_list_over_amqps_and_postgres_verify_full()
    {
        await using var sandbox = await WalmartSandbox.Start();
        await using var worker = await WorkerProcess.Start(new WorkerLaunch(tls.Amqps, tls.PostgresVerifyFull, sandbox.BaseUrl, LogPath("tls-worker"))
        {
            Sellers = [SellerAccount.WalmartUs],
            Settings = [KeyValuePair.Create("RabbitMq__CaFile", tls.CaFile)],
            ReadyTimeout = TimeSpan.FromSeconds(90),
            StartTimeout = TimeSpan.FromSeconds(90),
        });
        await using var results = await SyncResultListener.Connect(tls.PlainRabbitMq);
        await using var commerce = await CommercePublisher.Connect(tls.PlainRabbitMq);
        var purchaseOrderId = await sandbox.SeedOrder("MUG");

        await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));

        (await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60))).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        var workerConnections = await WorkerConnections();
        workerConnections.ShouldNotBeEmpty();
        workerConnections.ShouldAllBe(connection => connection.Ssl, "every connection the worker opened is TLS");
        await using (var database = new NpgsqlConnection(tls.PostgresVerifyFull))
        {
            await database.OpenAsync();
            await using var encrypted = new NpgsqlCommand(
                "select count(*) filter (where s.ssl), count(*) from pg_stat_ssl s join pg_stat_activity a using (pid) where a.datname = 'integration' and a.backend_type = 'client backend'",
                database);
            await using var reader = await encrypted.ExecuteReaderAsync();
            await reader.ReadAsync();
            reader.GetInt64(1).ShouldBeGreaterThan(1, "the worker holds connections of its own");
            reader.GetInt64(0).ShouldBe(reader.GetInt64(1), "every connection to the worker's database is TLS");
        }

        var cli = CliEnvironment(tls.CaFile);
        var shown = (await OperatorCli.Run(cli, "orders", "show", purchaseOrderId, "--json")).ShouldSucceed();
        shown.StandardOutput.ShouldContain(purchaseOrderId);
        (await OperatorCli.Run(cli, "dead-letters", "list", "--json")).ShouldSucceed();
    }

    [Fact]
    public async Task A_broker_certificate_that_does_not_chain_to_the_configured_ca_is_refused_with_one_line()
    {
        var (exitCode, error, _) = await WorkerProcess.Run(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = tls.Amqps.ToString(),
                ["ConnectionStrings__Postgres"] = tls.PostgresVerifyFull,
                ["RabbitMq__CaFile"] = tls.OtherCaFile,
                ["Walmart__BaseUrl"] = "http://127.0.0.1:9/",
                ["Walmart__Sellers__walmart_us__ClientId"] = "id",
                ["Walmart__Sellers__walmart_us__ClientSecret"] = "secret",
            },
            TimeSpan.FromSeconds(90));

        exitCode.ShouldBe(69);
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("RabbitMQ's TLS certificate was refused");

        var cli = await OperatorCli.Run(CliEnvironment(tls.OtherCaFile), "dead-letters", "list");
        cli.ExitCode.ShouldBe(69);
        cli.ErrorLine.ShouldContain("RabbitMQ's TLS certificate at localhost");

        var withoutCa = await OperatorCli.Run(CliEnvironment(caFile: null), "dead-letters", "list");
        withoutCa.ExitCode.ShouldBe(69, "the system's roots do not know the test CA");
        withoutCa.ErrorLine.ShouldContain("was refused");
    }

    private Dictionary<string, string> CliEnvironment(string? caFile)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = tls.Amqps.ToString(),
            ["ConnectionStrings__Postgres"] = tls.PostgresVerifyFull,
        };
        if (caFile is not null)
        {
            environment["RabbitMq__CaFile"] = caFile;
        }

        return environment;
    }

    /// <summary>The management API lists a connection once its statistics were first collected, some seconds after it opened.</summary>
    private async Task<List<(string Name, bool Ssl)>> WorkerConnections()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var connections = (await BrokerConnections()).Where(connection => connection.Name.StartsWith("order-sync", StringComparison.Ordinal)).ToList();
            if (connections.Count > 0 || DateTimeOffset.UtcNow > deadline)
            {
                return connections;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<IReadOnlyList<(string Name, bool Ssl)>> BrokerConnections()
    {
        using var management = new HttpClient { BaseAddress = tls.Management };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
        var connections = await management.GetFromJsonAsync<JsonElement>("api/connections");
        return [.. connections.EnumerateArray().Select(connection => (
            connection.TryGetProperty("client_properties", out var client) && client.TryGetProperty("connection_name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
            connection.GetProperty("ssl").GetBoolean()))];
    }

    private static string LogPath(string name) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "workers", $"{name}-{DateTimeOffset.UtcNow:HHmmss.fff}.log");
}
