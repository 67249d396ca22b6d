namespace OrderSync.IntegrationTests.Cli;

public sealed class CliFailureTests
{
    [Theory]
    [InlineData("dead-letters", "list")]
    [InlineData("dead-letters", "show", "abc")]
    [InlineData("dead-letters", "requeue", "--all", "--dry-run")]
    public async Task An_unreachable_broker_is_one_line_and_exit_69(params string[] command)
    {
        var result = await OperatorCli.Run(
            new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/" }, command);

        result.ExitCode.ShouldBe(69);
        result.ErrorLine.ShouldStartWith("ordersync: RabbitMQ is unreachable at 127.0.0.1:1");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_broker_with_json_still_fails_on_stderr_only()
    {
        var result = await OperatorCli.Run(new Dictionary<string, string>(), "dead-letters", "list", "--json", "--rabbitmq", "amqp://guest:guest@127.0.0.1:1/");

        result.ExitCode.ShouldBe(69);
        result.ErrorLine.ShouldContain("unreachable");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_and_exit_69()
    {
        var result = await OperatorCli.Run(
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Username=app;Password=app;Database=integration;Timeout=3" },
            "orders", "show", "108829735420014");

        result.ExitCode.ShouldBe(69);
        result.ErrorLine.ShouldStartWith("ordersync: PostgreSQL: ");
    }

    [Fact]
    public async Task No_broker_configured_is_a_usage_error()
    {
        var result = await OperatorCli.Run(new Dictionary<string, string>(), "dead-letters", "list");

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldBe("ordersync: no broker: pass --rabbitmq or set ConnectionStrings__RabbitMq");
    }

    [Fact]
    public async Task A_malformed_duration_is_a_usage_error()
    {
        var result = await OperatorCli.Run(new Dictionary<string, string>(), "dead-letters", "list", "--since", "yesterday");

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldBe("ordersync: --since takes a duration such as 30m, 2h or 7d, not 'yesterday'");
    }

    [Theory]
    [InlineData("dead-letters", "list")]
    [InlineData("dead-letters", "show")]
    [InlineData("dead-letters", "requeue")]
    [InlineData("dead-letters", "purge")]
    [InlineData("orders", "show")]
    [InlineData("orders", "resync")]
    public async Task Every_verb_has_help(params string[] command)
    {
        var result = await OperatorCli.Run(new Dictionary<string, string>(), [.. command, "--help"]);

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldContain("USAGE:");
        result.StandardOutput.ShouldContain("--json");
    }
}
