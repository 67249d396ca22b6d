using Npgsql;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// compose/compose.yaml runs the workers with the least they need: the broker's ordersync-worker user and the database's
/// DML-only role, both made by one-shots, and both connection strings as Docker secrets, never in the environment.
/// </summary>
public sealed class ComposeAccountsTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    private ComposeService Worker => _compose.Services["worker"];

    private ComposeService Rabbitmq => _compose.Services["rabbitmq"];

    private ComposeService Postgres => _compose.Services["postgres"];

    [Fact]
    public void The_workers_connect_to_the_broker_as_ordersync_worker_not_as_its_admin()
    {
        var (user, _) = ComposeAccounts.AmqpCredentials(new Uri(Worker.SecretValue("ConnectionStrings__RabbitMq")));

        user.ShouldBe("ordersync-worker");
        user.ShouldNotBe(Rabbitmq.Environment["RABBITMQ_DEFAULT_USER"], "the admin may do anything to the broker");
        user.ShouldNotBe("guest");
        ComposeAccounts.BrokerPermissions(ComposeAccounts.BrokerUsersScript).ShouldContainKey(user, "rabbitmq-users creates the workers' user");
    }

    [Fact]
    public void The_workers_connect_to_the_database_as_the_dml_only_role_not_as_its_owner()
    {
        var settings = new NpgsqlConnectionStringBuilder(Worker.SecretValue("ConnectionStrings__Postgres"));
        var owner = Postgres.Environment["POSTGRES_USER"];

        settings.Username.ShouldBe(ComposeAccounts.RuntimeRole());
        settings.Username.ShouldNotBe(owner, "the owner may alter and drop the schema");
        settings.Username.ShouldNotBe("postgres");
        _compose.Services["migrate"].Environment["ConnectionStrings__Postgres"].ShouldContain($"Username={owner};", customMessage: "migrations run as the owner");
    }

    [Fact]
    public void No_worker_setting_in_the_environment_holds_a_password()
    {
        foreach (var (key, value) in Worker.Environment)
        {
            key.ShouldNotStartWith("ConnectionStrings__", customMessage: $"{key} belongs in a Docker secret");
            value.ShouldNotContain("Password=", Case.Insensitive, $"{key} holds a password");
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                uri.UserInfo.ShouldNotContain(':', $"{key} holds a password");
            }
        }
    }

    [Fact]
    public void The_broker_users_and_their_patterns_are_those_of_ops_services_sh()
    {
        var development = ComposeAccounts.BrokerPermissions(ComposeAccounts.ServicesScript);
        var compose = ComposeAccounts.BrokerPermissions(ComposeAccounts.BrokerUsersScript);

        development.Keys.ShouldBe(["ordersync-worker", "commerce-publisher", "ordersync-operator"], ignoreOrder: true);
        compose.Keys.ShouldBe(development.Keys, ignoreOrder: true);
        foreach (var (user, patterns) in development)
        {
            compose[user].ShouldBe(patterns, $"{user}'s configure, write and read patterns");
        }
    }

    [Fact]
    public void The_broker_users_are_made_by_the_admin_once_the_broker_is_healthy_each_with_its_own_secret_password()
    {
        var users = _compose.Services[ComposeAccounts.BrokerUsersService];

        users.Scalar("restart").ShouldBe("no");
        users.Scalar("depends_on", "rabbitmq", "condition").ShouldBe("service_healthy");
        users.Environment["RABBITMQ_USER"].ShouldBe(Rabbitmq.Environment["RABBITMQ_DEFAULT_USER"]);
        users.Environment["RABBITMQ_PASSWORD"].ShouldBe(Rabbitmq.Environment["RABBITMQ_DEFAULT_PASS"]);
        users.BindMounts.Values.ShouldContain(ComposeAccounts.BrokerUsersScript);
        users.Scalar("entrypoint").ShouldBeNull("the entrypoint is a list that runs the mounted script");
        string.Join(' ', ((YamlDotNet.RepresentationModel.YamlSequenceNode)users["entrypoint"]!).Children).ShouldContain(users.BindMounts.Single(mount => mount.Value == ComposeAccounts.BrokerUsersScript).Key);

        var passwords = ComposeAccounts.BrokerPermissions(ComposeAccounts.BrokerUsersScript).Keys.Select(user => users.SecretValue($"rabbitmq-{user}")).ToList();
        passwords.ShouldAllBe(password => password.Length >= 12);
        passwords.Distinct().Count().ShouldBe(passwords.Count, "each user has a password of its own");
        passwords.ShouldNotContain(Rabbitmq.Environment["RABBITMQ_DEFAULT_PASS"]);
    }

    [Fact]
    public void The_runtime_role_is_granted_by_ops_sql_runtime_role_sql_as_the_owner_after_migrate()
    {
        var runtimeRole = _compose.Services[ComposeAccounts.RuntimeRoleService];

        runtimeRole.Scalar("restart").ShouldBe("no");
        runtimeRole.Scalar("depends_on", "migrate", "condition").ShouldBe("service_completed_successfully");
        runtimeRole.Environment["PGUSER"].ShouldBe(Postgres.Environment["POSTGRES_USER"]);
        runtimeRole.Environment["PGPASSWORD"].ShouldBe(Postgres.Environment["POSTGRES_PASSWORD"]);
        runtimeRole.Environment["PGHOST"].ShouldBe(Postgres.Name);
        runtimeRole.Environment["PGDATABASE"].ShouldBe(Postgres.Environment["POSTGRES_DB"]);

        var sqlMount = runtimeRole.BindMounts.Single(mount => mount.Value == ComposeAccounts.RuntimeRoleSql).Key;
        var scriptMount = runtimeRole.BindMounts.Single(mount => mount.Value == ComposeAccounts.RuntimeRoleScript).Key;
        var script = File.ReadAllText(ComposeAccounts.RuntimeRoleScript);
        script.ShouldContain($"-v runtime_role=\"$runtime_role\" -f {sqlMount}");
        string.Join(' ', ((YamlDotNet.RepresentationModel.YamlSequenceNode)runtimeRole["entrypoint"]!).Children).ShouldContain(scriptMount);
        runtimeRole.SecretValue($"postgres-{ComposeAccounts.RuntimeRole()}").ShouldNotBe(Postgres.Environment["POSTGRES_PASSWORD"]);
    }
}
