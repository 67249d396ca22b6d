using System.Text.Json;

namespace OrderSync.IntegrationTests.RateLimits;

/// <summary>One call as the sandbox logged it.</summary>
public sealed record SandboxCall(DateTimeOffset Time, string? Seller, string? Operation, string? PurchaseOrderId, int? StatusCode)
{
    public bool IsThrottled => StatusCode == 429;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public static SandboxCall From(JsonElement call) => new(
        call.GetProperty("time").GetDateTimeOffset(),
        call.GetProperty("seller").GetString(),
        call.GetProperty("operation").GetString(),
        call.GetProperty("purchaseOrderId").GetString(),
        call.GetProperty("statusCode").ValueKind == JsonValueKind.Number ? call.GetProperty("statusCode").GetInt32() : null);
}
