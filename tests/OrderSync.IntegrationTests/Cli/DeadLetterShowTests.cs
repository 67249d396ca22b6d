namespace OrderSync.IntegrationTests.Cli;

public sealed class DeadLetterShowTests : IAsyncLifetime
{
    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("108829735420014", "data.value.items[0].qty is not a decimal: [abc]", messageId: "evt-7f1c"));
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Shows_the_fault_reason_exception_stack_trace_headers_and_the_body_as_pretty_json()
    {
        var result = (await _environment.Run("dead-letters", "show", "evt-7f1c")).ShouldSucceed();

        var output = result.StandardOutput;
        output.ShouldContain("Dead letter evt-7f1c in walmart-sync.commerce-events_error");
        output.ShouldContain("data.value.items[0].qty is not a decimal: [abc]");
        output.ShouldContain("OrderSync.Worker.Inbound.InvalidCommerceEventException");
        output.ShouldContain("108829735420014");
        output.Split('\n').ShouldContain(line => line.Contains("requeue goes to", StringComparison.Ordinal) && line.Contains("| walmart-sync.commerce-events ", StringComparison.Ordinal));
        output.ShouldContain("   at OrderSync.Worker.Consumer.Consume(ConsumeContext context) in /src/Consumer.cs:line 42");
        output.ShouldContain("MT-Fault-InputAddress");
        output.ShouldContain("application/cloudevents+json");
        output.ShouldContain("\"ext_order_id\": \"108829735420014\"");
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(1u);
    }

    [Fact]
    public async Task Show_as_json_gives_headers_properties_fault_and_the_body_as_json()
    {
        var message = (await _environment.Run("dead-letters", "show", "evt-7f1c", "--json")).ShouldSucceed().Json();

        message.GetProperty("id").GetString().ShouldBe("evt-7f1c");
        message.GetProperty("reason").GetString().ShouldBe("data.value.items[0].qty is not a decimal: [abc]");
        message.GetProperty("exceptionType").GetString().ShouldBe("OrderSync.Worker.Inbound.InvalidCommerceEventException");
        message.GetProperty("stackTrace").GetString()!.ShouldContain("Consumer.cs:line 42");
        message.GetProperty("retryCount").GetInt32().ShouldBe(3);
        message.GetProperty("targetQueue").GetString().ShouldBe("walmart-sync.commerce-events");
        message.GetProperty("properties").GetProperty("message_id").GetString().ShouldBe("evt-7f1c");
        message.GetProperty("headers").GetProperty("MT-Reason").GetString().ShouldBe("fault");
        message.GetProperty("bodyEncoding").GetString().ShouldBe("json");
        message.GetProperty("body").GetProperty("data").GetProperty("value").GetProperty("ext_order_id").GetString().ShouldBe("108829735420014");
    }

    [Fact]
    public async Task Show_of_an_unknown_id_is_one_line_and_exit_1()
    {
        var result = await _environment.Run("dead-letters", "show", "no-such-id");

        result.ExitCode.ShouldBe(1);
        result.ErrorLine.ShouldBe("ordersync: no dead letter with id no-such-id");
        result.StandardOutput.ShouldBeEmpty();
    }
}
