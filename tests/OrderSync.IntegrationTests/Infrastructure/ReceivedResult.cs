using System.Text.Json;

namespace OrderSync.IntegrationTests.Infrastructure;

public sealed record ReceivedResult(string RoutingKey, string? ContentType, JsonElement Body)
{
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The CloudEvent id: a result sent again (after a crash, or to answer a copy) keeps it, so Commerce drops the copy.</summary>
    public string Id => Body.GetProperty("id").GetString()!;

    public string Type => Body.GetProperty("type").GetString()!;

    public string Subject => Body.GetProperty("subject").GetString()!;

    public JsonElement Data => Body.GetProperty("data");
}
