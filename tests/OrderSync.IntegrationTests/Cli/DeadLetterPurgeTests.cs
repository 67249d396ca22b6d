using System.Text;
using System.Text.Json;
using Dapper;

namespace OrderSync.IntegrationTests.Cli;

public sealed class DeadLetterPurgeTests : IAsyncLifetime
{
    private CliTestEnvironment _environment = null!;

    public async Task InitializeAsync()
    {
        _environment = await CliTestEnvironment.Create();
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-1", "data.value.store_code is missing", messageId: "evt-1"));
        await _environment.DeadLetter(FaultedMessage.CommerceEvent("PO-2", "data.value.items is empty", messageId: "evt-2"));
        await _environment.Skip("walmart-sync.order-sync_skipped", Encoding.UTF8.GetBytes("""{"messageType":["urn:message:Legacy:Thing"],"message":{}}"""), messageId: null);
    }

    public async Task DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Purge_without_yes_refuses_and_deletes_nothing()
    {
        var result = await _environment.Run("dead-letters", "purge", "--all");

        result.ExitCode.ShouldBe(64);
        result.ErrorLine.ShouldContain("pass --yes to confirm");
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
        (await ArchivedCount()).ShouldBe(0);
    }

    [Fact]
    public async Task Purge_with_yes_archives_each_message_then_removes_it()
    {
        var result = (await _environment.Run("dead-letters", "purge", "evt-1", "--yes", "--json")).ShouldSucceed().Json();

        result.GetProperty("count").GetInt32().ShouldBe(1);
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(1u);
        await using var connection = await _environment.Database.OpenConnectionAsync();
        var archived = await connection.QuerySingleAsync<(string MessageId, string Queue, string Reason, string Headers, byte[] Body, string ContentType, string ArchivedBy)>(
            "select message_id, queue, reason, headers::text, body, content_type, archived_by from dead_letter_archive");
        archived.MessageId.ShouldBe("evt-1");
        archived.Queue.ShouldBe("walmart-sync.commerce-events_error");
        archived.Reason.ShouldBe("data.value.store_code is missing");
        archived.ContentType.ShouldBe("application/cloudevents+json");
        archived.ArchivedBy.ShouldBe(OperatorCli.OperatorName);
        Encoding.UTF8.GetString(archived.Body).ShouldContain("\"ext_order_id\":\"PO-1\"");
        using var headers = JsonDocument.Parse(archived.Headers);
        headers.RootElement.GetProperty("MT-Fault-Message").GetString().ShouldBe("data.value.store_code is missing");
        headers.RootElement.GetProperty("MT-Fault-RetryCount").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Purge_all_of_a_queue_takes_the_skipped_messages_named_by_their_hash()
    {
        var listed = (await _environment.Run("dead-letters", "list", "--queue", "walmart-sync.order-sync_skipped", "--json")).ShouldSucceed().Json();
        var id = listed.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString()!;
        id.Length.ShouldBe(12);

        (await _environment.Run("dead-letters", "purge", id, "--yes")).ShouldSucceed().StandardOutput.ShouldContain("Purged 1 dead letter");

        (await _environment.Count("walmart-sync.order-sync_skipped")).ShouldBe(0u);
        (await _environment.Count("walmart-sync.commerce-events_error")).ShouldBe(2u);
        (await ArchivedCount()).ShouldBe(1);
    }

    private async Task<long> ArchivedCount()
    {
        await using var connection = await _environment.Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from dead_letter_archive");
    }
}
