using OrderSync.IntegrationTests.Cli;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.Persistence;

namespace OrderSync.IntegrationTests.Hosting;

/// <summary>Secrets from files rather than the environment, and in no log line or command output.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task The_worker_starts_and_syncs_with_its_secrets_from_a_credentials_directory_and_none_in_its_environment()
    {
        var seller = new SellerAccount("walmart_us", "sandbox-walmart-us", "seller-" + Guid.NewGuid().ToString("N"));
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start([.. seller.SandboxSettings()]);
        var credentials = Directory.CreateTempSubdirectory("ordersync-credentials-");
        try
        {
            await using var worker = await WorkerProcess.Start(new WorkerLaunch(environment.RabbitMq, environment.Postgres, sandbox.BaseUrl, LogPath(environment))
            {
                Sellers = [seller],
                CredentialsDirectory = credentials.FullName,
                ReadyTimeout = TimeSpan.FromSeconds(60),
            });

            var names = worker.EnvironmentNames();
            names.ShouldContain("CREDENTIALS_DIRECTORY");
            names.ShouldNotContain(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.EndsWith("ClientSecret", StringComparison.Ordinal));
            File.Exists(Path.Combine(credentials.FullName, "Walmart__Sellers__walmart_us__ClientSecret")).ShouldBeTrue();

            await using var results = await SyncResultListener.Connect(environment.RabbitMq);
            await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
            var purchaseOrderId = await sandbox.SeedOrder("MUG");
            await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));

            (await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60))).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");

            // The command line beside the worker reads the same files, with no connection string in its environment either.
            var shown = (await OperatorCli.Run(new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials.FullName }, "orders", "show", purchaseOrderId, "--json")).ShouldSucceed();
            shown.StandardOutput.ShouldContain("\"Shipped\"");
        }
        finally
        {
            credentials.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_sync_with_every_secret_set_leaves_none_in_the_workers_log_or_the_clis_output()
    {
        var brokerPassword = "amqp-" + Guid.NewGuid().ToString("N");
        var managementPassword = "mgmt-" + Guid.NewGuid().ToString("N");
        var seller = new SellerAccount("walmart_us", "sandbox-walmart-us", "seller-" + Guid.NewGuid().ToString("N"));
        await using var role = await RuntimeRole.Create();
        await using var environment = await IsolatedEnvironment.Create();
        await using var sandbox = await WalmartSandbox.Start([.. seller.SandboxSettings()]);
        DatabaseMigrator.Migrate(environment.Postgres);
        await role.Grant(environment);
        var rabbitMq = await environment.AddBrokerUser(environment.Name + "_worker", brokerPassword);
        var secrets = new[] { brokerPassword, role.Password, seller.ClientSecret, managementPassword };
        var logPath = LogPath(environment);

        string purchaseOrderId;
        await using (var worker = await WorkerProcess.Start(new WorkerLaunch(rabbitMq, role.ConnectionTo(environment), sandbox.BaseUrl, logPath)
        {
            Sellers = [seller],
            Settings = [KeyValuePair.Create("Serilog__MinimumLevel__Default", "Debug"), KeyValuePair.Create("Database__MigrateOnStart", "false")],
            ReadyTimeout = TimeSpan.FromSeconds(60),
        }))
        {
            await using var results = await SyncResultListener.Connect(environment.RabbitMq);
            await using var commerce = await CommercePublisher.Connect(environment.RabbitMq);
            purchaseOrderId = await sandbox.SeedOrder("MUG");
            await commerce.Publish(CommerceEvents.Shipment(purchaseOrderId, "s1", [("MUG", 1)]));
            (await results.WaitFor("walmart.order.shipment.synced", purchaseOrderId, TimeSpan.FromSeconds(60))).Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
            await worker.Terminate(TimeSpan.FromSeconds(30));
        }

        var cli = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = rabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = role.ConnectionTo(environment),
        };
        var management = $"http://operator:{managementPassword}@127.0.0.1:15672/";
        var outputs = new List<CliResult>
        {
            (await OperatorCli.Run(cli, "orders", "show", purchaseOrderId)).ShouldSucceed(),
            (await OperatorCli.Run(cli, "orders", "show", purchaseOrderId, "--json")).ShouldSucceed(),
            (await OperatorCli.Run(cli, "dead-letters", "list", "--management", management)).ShouldSucceed(),
            (await OperatorCli.Run(cli, "dead-letters", "list", "--json", "--management", management)).ShouldSucceed(),
            await OperatorCli.Run(cli, "dead-letters", "list", "--rabbitmq", $"amqp://{environment.Name}_worker:{brokerPassword}@127.0.0.1:1/"),
            await OperatorCli.Run(cli, "dead-letters", "list", "--rabbitmq", $"amqp:/{environment.Name}_worker:{brokerPassword}@nowhere"),
            await OperatorCli.Run(cli, "orders", "show", purchaseOrderId, "--postgres", $"Host=127.0.0.1;Port=1;Username=x;Password={role.Password};Database=d;Timeout=3"),
        };

        var log = File.ReadAllText(logPath);
        log.ShouldContain(purchaseOrderId);
        foreach (var secret in secrets)
        {
            log.ShouldNotContain(secret, Case.Sensitive, "the worker's log holds a secret");
            foreach (var output in outputs)
            {
                (output.StandardOutput + output.StandardError).ShouldNotContain(secret, Case.Sensitive, "the CLI printed a secret");
            }
        }
    }

    private static string LogPath(IsolatedEnvironment environment) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "workers", $"{environment.Name}-{DateTimeOffset.UtcNow:HHmmss.fff}.log");
}
