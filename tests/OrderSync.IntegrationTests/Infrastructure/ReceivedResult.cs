using System.Text.Json;

namespace OrderSync.IntegrationTests.Infrastructure;

public sealed record ReceivedResult(string RoutingKey, string? ContentType, JsonElement Body)
{
    public string Type => Body.GetProperty("type").GetString()!;

    public string Subject => Body.GetProperty("subject").GetString()!;

    public JsonElement Data => Body.GetProperty("data");
}
