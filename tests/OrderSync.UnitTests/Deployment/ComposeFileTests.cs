using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// No Docker engine runs where the tests run, so these keep compose/compose.yaml honest against the code: what it builds
/// exists, what it configures is what the worker reads, and its ports, replicas and volumes hold together.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] CheckedPrefixes = ["ConnectionStrings__", "Walmart__", "Worker__", "Health__", "Logging__"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    private ComposeService Worker => _compose.Services["worker"];

    private ComposeService WorkerImage => _compose.Services.Values.Single(service => IsBuiltFrom(service, DeploymentFiles.WorkerDockerfile));

    /// <summary>The workers' settings: their environment, and the Docker secrets they read from /run/secrets, by target name.</summary>
    private Dictionary<string, string> WorkerSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(Worker.Environment, StringComparer.Ordinal);
            foreach (var (target, file) in WorkerSecretFiles)
            {
                settings[target] = File.ReadAllText(file).TrimEnd('\n');
            }

            return settings;
        }
    }

    /// <summary>Each Docker secret of the workers: its target name, and the file the top-level secrets: section gives it.</summary>
    private IEnumerable<(string Target, string File)> WorkerSecretFiles => Worker.SecretFiles;

    /// <summary>The services that keep running; the one-shot ones (certificates, migrations, the image build) exit.</summary>
    private IEnumerable<ComposeService> LongRunning => _compose.Services.Values.Where(service => service.Scalar("restart") != "no");

    private ComposeService Sandbox => _compose.Services.Values.Single(service => IsBuiltFrom(service, DeploymentFiles.SandboxDockerfile));

    [Fact]
    public void Every_build_context_and_dockerfile_exists()
    {
        var built = _compose.Services.Values.Where(service => service.Build is not null).ToList();

        built.Count.ShouldBeGreaterThanOrEqualTo(2, "the worker and the sandbox are built from this repository");
        foreach (var service in built)
        {
            var (context, dockerfile) = service.Build!.Value;
            Directory.Exists(context).ShouldBeTrue($"{service.Name}: build context {context} does not exist");
            File.Exists(dockerfile).ShouldBeTrue($"{service.Name}: {dockerfile} does not exist");
            Path.GetFullPath(context).TrimEnd(Path.DirectorySeparatorChar).ShouldBe(
                DeploymentFiles.Root.TrimEnd(Path.DirectorySeparatorChar), $"{service.Name}: the Dockerfiles copy from the repository root, so that is the context");
        }
    }

    [Fact]
    public void Every_worker_setting_is_a_key_the_readme_documents_and_the_code_reads()
    {
        var settings = Worker.Environment.Keys.Where(key => CheckedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        settings.ShouldNotBeEmpty();

        var problems = new List<string>();
        foreach (var key in settings)
        {
            var documented = ConfigurationKeys.FindDocumented(key);
            if (documented is null)
            {
                problems.Add($"{key} is set in compose/compose.yaml but is not in README.md's Configuration table");
                continue;
            }

            var missing = ConfigurationKeys.MissingFromCode(documented, DeploymentFiles.WorkerConfigurationSources);
            if (missing.Count > 0)
            {
                problems.Add($"{key} ({documented}): src/OrderSync.Worker and src/OrderSync.Walmart do not mention {string.Join(" or ", missing)}");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_workers_set_every_required_key_of_the_readme()
    {
        var environment = WorkerSettings;

        foreach (var required in ConfigurationKeys.RequiredKeys())
        {
            var matches = environment.Where(setting => required.Pattern.IsMatch(setting.Key)).ToList();
            matches.ShouldNotBeEmpty($"the worker does not set {required} (required in README.md's Configuration table)");
            matches.ShouldAllBe(setting => !string.IsNullOrWhiteSpace(setting.Value), $"{required} is set empty");
        }
    }

    [Fact]
    public void Every_seller_of_the_workers_has_both_credentials_and_exists_in_the_sandbox_with_the_same_ones()
    {
        var workerSellers = Sellers(WorkerSettings, "Walmart__Sellers__");
        var sandboxSellers = SandboxSellers();

        workerSellers.ShouldNotBeEmpty();
        foreach (var (store, credentials) in workerSellers)
        {
            credentials.ClientId.ShouldNotBeNullOrWhiteSpace($"store {store} has no Walmart__Sellers__{store}__ClientId");
            credentials.ClientSecret.ShouldNotBeNullOrWhiteSpace($"store {store} has no Walmart__Sellers__{store}__ClientSecret");
            sandboxSellers.ShouldContainKey(store, $"the sandbox has no seller {store}");
            sandboxSellers[store].ShouldBe(credentials, $"the worker's credentials of {store} are not the sandbox's");
        }
    }

    [Fact]
    public void The_workers_sellers_secrets_and_connection_strings_are_docker_secrets_and_not_in_their_environment()
    {
        var secrets = WorkerSecretFiles.ToList();

        secrets.ShouldNotBeEmpty();
        secrets.ShouldAllBe(secret => File.Exists(secret.File));
        Worker.Environment.Keys.ShouldNotContain(key => key.EndsWith("__ClientSecret", StringComparison.Ordinal));
        Worker.Environment.Keys.ShouldNotContain(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        secrets.Select(secret => secret.Target).ShouldAllBe(target =>
            target.EndsWith("__ClientSecret", StringComparison.Ordinal) || target == "ConnectionStrings__RabbitMq" || target == "ConnectionStrings__Postgres");
    }

    [Fact]
    public void Every_seeded_order_belongs_to_a_seller_the_workers_know()
    {
        var workerSellers = Sellers(WorkerSettings, "Walmart__Sellers__");
        using var seed = JsonDocument.Parse(File.ReadAllText(DeploymentFiles.SandboxSeed));

        var sellers = seed.RootElement.GetProperty("orders").EnumerateArray().Select(order => order.GetProperty("seller").GetString()!).Distinct().ToList();

        sellers.ShouldNotBeEmpty();
        sellers.ShouldAllBe(seller => workerSellers.ContainsKey(seller));
    }

    [Fact]
    public void The_workers_reach_the_broker_the_database_and_the_sandbox_of_this_file_with_their_credentials()
    {
        var environment = WorkerSettings;
        var services = _compose.Services;

        var amqp = new Uri(environment["ConnectionStrings__RabbitMq"]);
        services.ShouldContainKey(amqp.Host);
        PortsOf(services[amqp.Host]).ShouldContain(amqp.IsDefaultPort ? 5672 : amqp.Port);
        var (user, password) = ComposeAccounts.AmqpCredentials(amqp);
        password.ShouldBe(services[ComposeAccounts.BrokerUsersService].SecretValue($"rabbitmq-{user}"), "the password rabbitmq-users gives the workers' broker user");

        var postgresSettings = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Postgres"]);
        services.ShouldContainKey(postgresSettings.Host!);
        var postgres = services[postgresSettings.Host!];
        PortsOf(postgres).ShouldContain(postgresSettings.Port);
        postgresSettings.Username.ShouldBe(ComposeAccounts.RuntimeRole());
        postgresSettings.Password.ShouldBe(
            services[ComposeAccounts.RuntimeRoleService].SecretValue($"postgres-{postgresSettings.Username}"), "the password postgres-runtime-role gives the role");
        postgresSettings.Database.ShouldBe(postgres.Environment["POSTGRES_DB"]);

        var walmart = new Uri(environment["Walmart__BaseUrl"]);
        walmart.Host.ShouldBe(Sandbox.Name);
        walmart.Scheme.ShouldBe("https", "Walmart__BaseUrl must be https off loopback");
        PortsOf(Sandbox).ShouldContain(walmart.Port);
        Sandbox.Environment["ASPNETCORE_HTTPS_PORTS"].ShouldBe(walmart.Port.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_service_has_a_health_check_on_a_port_its_container_listens_on()
    {
        foreach (var service in LongRunning)
        {
            var check = service.HealthCheck;
            check.ShouldNotBeNullOrWhiteSpace($"{service.Name} has no health check");
            check.ShouldNotStartWith("NONE");

            var listening = PortsOf(service);
            foreach (var port in PortsIn(check))
            {
                listening.ShouldContain(port, $"{service.Name}'s health check probes port {port}, but its container listens on {string.Join(", ", listening)}");
            }
        }
    }

    [Fact]
    public void Published_ports_of_the_built_images_are_the_ports_their_dockerfiles_expose()
    {
        foreach (var service in _compose.Services.Values.Where(service => service.Build is not null))
        {
            var exposed = Dockerfile.Read(service.Build!.Value.Dockerfile).ExposedPorts;
            exposed.ShouldNotBeEmpty($"{service.Name}'s Dockerfile exposes no port");
            service.ContainerPorts.ShouldAllBe(port => exposed.Contains(port), $"{service.Name} publishes a port its Dockerfile does not expose ({string.Join(", ", exposed)})");
        }
    }

    [Fact]
    public void The_workers_serve_health_on_the_port_their_health_check_probes()
    {
        var healthUrl = new Uri(Worker.Environment["Health__Urls"].Split(';')[0]);
        var exposed = Dockerfile.Read(DeploymentFiles.WorkerDockerfile).ExposedPorts;

        healthUrl.Host.ShouldBe("0.0.0.0", "bound to every interface, so that Prometheus and the host can reach /metrics");
        PortsIn(Worker.HealthCheck!).ShouldBe([healthUrl.Port]);
        exposed.ShouldContain(healthUrl.Port);
        Worker.HealthCheck!.ShouldContain("/health/live");
    }

    [Fact]
    public void Every_published_port_is_on_the_hosts_loopback()
    {
        foreach (var service in _compose.Services.Values)
        {
            service.PublishedHostAddresses.ShouldAllBe(address => address == "127.0.0.1", $"{service.Name} publishes a port beyond the host's loopback");
        }
    }

    [Fact]
    public void The_workers_run_as_two_instances()
    {
        var workers = LongRunning.Where(service => service.Scalar("image") == WorkerImage.Scalar("image")).ToList();
        var replicas = workers.Sum(service => int.Parse(service.Scalar("deploy", "replicas") ?? "1", CultureInfo.InvariantCulture));

        replicas.ShouldBe(2);
        workers.ShouldAllBe(service => service["container_name"] == null, "a fixed container_name allows only one replica");
    }

    [Fact]
    public void The_workers_wait_for_healthy_dependencies_and_are_given_longer_than_their_drain_to_stop()
    {
        var dependsOn = (YamlDotNet.RepresentationModel.YamlMappingNode)Worker["depends_on"]!;
        var dependencies = dependsOn.Children.Keys.Select(key => ((YamlDotNet.RepresentationModel.YamlScalarNode)key).Value!).ToList();
        string[] oneShots = ["migrate", ComposeAccounts.RuntimeRoleService, ComposeAccounts.BrokerUsersService];
        dependencies.ShouldBe(["rabbitmq", "postgres", Sandbox.Name, .. oneShots], ignoreOrder: true);
        foreach (var dependency in dependencies)
        {
            Worker.Scalar("depends_on", dependency, "condition").ShouldBe(oneShots.Contains(dependency) ? "service_completed_successfully" : "service_healthy");
        }

        Worker.Environment["Database__MigrateOnStart"].ShouldBe("false", "the schema's owner migrates in a step of its own");
        _compose.Services["migrate"].Scalar("image").ShouldBe(WorkerImage.Scalar("image"));
        Worker.Scalar("image").ShouldBe(WorkerImage.Scalar("image"));

        var drain = Worker.Environment.TryGetValue("Worker__ShutdownTimeout", out var value)
            ? TimeSpan.Parse(value, CultureInfo.InvariantCulture)
            : TimeSpan.Parse(JsonDocument.Parse(File.ReadAllText(DeploymentFiles.WorkerAppSettings)).RootElement.GetProperty(global::OrderSync.Worker.Hosting.WorkerOptions.Section).GetProperty("ShutdownTimeout").GetString()!, CultureInfo.InvariantCulture);
        var grace = ParseComposeDuration(Worker.Scalar("stop_grace_period") ?? "10s");

        // The host adds 5 s to the drain (OrderSyncHostExtensions); Docker's default grace is 10 s.
        grace.ShouldBeGreaterThan(drain + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Rabbitmq_and_postgres_keep_their_data_in_declared_named_volumes()
    {
        var declared = _compose.DeclaredVolumes;
        foreach (var (service, dataPath) in new[] { ("rabbitmq", "/var/lib/rabbitmq"), ("postgres", "/var/lib/postgresql/data") })
        {
            var mounts = _compose.Services[service].NamedVolumes;
            mounts.ShouldContainKey(dataPath, $"{service} keeps its data at {dataPath}");
            declared.ShouldContain(mounts[dataPath]);
        }

        var used = _compose.Services.Values.SelectMany(service => service.NamedVolumes.Values).ToHashSet(StringComparer.Ordinal);
        used.ShouldAllBe(volume => declared.Contains(volume), "every named volume a service mounts is declared under volumes:");
    }

    [Fact]
    public void Every_variable_without_a_default_is_in_the_env_example()
    {
        var required = ComposeFile.ReferencedVariables().Where(variable => !variable.HasDefault).Select(variable => variable.Name).Distinct().ToList();

        required.ShouldNotBeEmpty("the passwords come from compose/.env");
        required.ShouldAllBe(name => _compose.Variables.ContainsKey(name));
    }

    [Fact]
    public void Rabbitmq_and_postgres_are_the_images_the_stack_is_tested_with()
    {
        _compose.Services["rabbitmq"].Scalar("image").ShouldBe("rabbitmq:3-management");
        _compose.Services["postgres"].Scalar("image").ShouldBe("postgres:15");
    }

    private static bool IsBuiltFrom(ComposeService service, string dockerfile) =>
        service.Build is { } build && string.Equals(build.Dockerfile, Path.GetFullPath(dockerfile), StringComparison.Ordinal);

    /// <summary>What a service's container listens on: published and exposed ports, and its Dockerfile's EXPOSE.</summary>
    private static IReadOnlySet<int> PortsOf(ComposeService service)
    {
        var ports = service.ContainerPorts.Concat(service.ExposedPorts).ToHashSet();
        if (service.Build is { } build)
        {
            ports.UnionWith(Dockerfile.Read(build.Dockerfile).ExposedPorts);
        }

        return ports;
    }

    /// <summary>Ports a health check command names: <c>/dev/tcp/host/PORT</c>, <c>http://host:PORT</c>, <c>-p PORT</c>.</summary>
    private static IReadOnlyList<int> PortsIn(string command) =>
        [.. HealthCheckPort().Matches(command).Select(match => int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture)).Distinct()];

    private static Dictionary<string, (string ClientId, string ClientSecret)> Sellers(IReadOnlyDictionary<string, string> settings, string prefix)
    {
        var sellers = new Dictionary<string, (string ClientId, string ClientSecret)>(StringComparer.Ordinal);
        foreach (var (key, value) in settings.Where(setting => setting.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var parts = key[prefix.Length..].Split("__");
            (string ClientId, string ClientSecret) current = sellers.GetValueOrDefault(parts[0], (string.Empty, string.Empty));
            sellers[parts[0]] = parts[1] switch
            {
                "ClientId" => (value, current.ClientSecret),
                "ClientSecret" => (current.ClientId, value),
                _ => throw new ShouldAssertException($"{key}: a seller has ClientId and ClientSecret only"),
            };
        }

        return sellers;
    }

    /// <summary>The sandbox's sellers: its appsettings.json, with any Sandbox__Sellers__ override of the compose file.</summary>
    private Dictionary<string, (string ClientId, string ClientSecret)> SandboxSellers()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(DeploymentFiles.SandboxAppSettings));
        var sellers = settings.RootElement.GetProperty(global::OrderSync.Walmart.Sandbox.SandboxOptions.SectionName).GetProperty("Sellers").EnumerateObject()
            .ToDictionary(seller => seller.Name, seller => (seller.Value.GetProperty("ClientId").GetString()!, seller.Value.GetProperty("ClientSecret").GetString()!), StringComparer.Ordinal);
        foreach (var (store, credentials) in Sellers(Sandbox.Environment, "Sandbox__Sellers__"))
        {
            sellers[store] = credentials;
        }

        return sellers;
    }

    private static TimeSpan ParseComposeDuration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in Regex.Matches(text, @"(?<value>\d+(?:\.\d+)?)(?<unit>ms|us|h|m|s)"))
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromMicroseconds(value),
            };
        }

        return total;
    }

    [GeneratedRegex(@"/dev/tcp/[^/\s]+/(?<port>\d+)|https?://[^/:\s]+:(?<port>\d+)|(?:^|\s)(?:-p|--port)\s+(?<port>\d+)")]
    private static partial Regex HealthCheckPort();
}
