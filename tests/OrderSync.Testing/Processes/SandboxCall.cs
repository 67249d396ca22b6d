namespace OrderSync.Testing.Processes;

/// <summary>One Walmart API call as the sandbox recorded it (GET /admin/calls).</summary>
/// <param name="Sequence">Counts every call the sandbox received, also those its log no longer keeps.</param>
/// <param name="StatusCode">Null when the caller gave up before the answer.</param>
public sealed record SandboxCall(
    long Sequence, DateTimeOffset Time, string Method, string Path, string? Operation, string? PurchaseOrderId, string? Seller, int? StatusCode, long DurationMs)
{
    public bool IsThrottled => StatusCode == 429;

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
