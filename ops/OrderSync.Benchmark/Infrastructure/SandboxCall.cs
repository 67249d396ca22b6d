namespace OrderSync.Benchmark.Infrastructure;

/// <summary>One Walmart API call as the sandbox recorded it (GET /admin/calls).</summary>
public sealed record SandboxCall(long Sequence, DateTimeOffset Time, string Method, string Path, string? Operation, string? PurchaseOrderId, string? Seller, int? StatusCode, long DurationMs)
{
    public bool IsThrottled => StatusCode == 429;
}
