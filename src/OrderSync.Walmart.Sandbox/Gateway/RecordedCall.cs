namespace OrderSync.Walmart.Sandbox.Gateway;

/// <param name="StatusCode">Null when no answer was sent (a hang the client gave up on).</param>
public sealed record RecordedCall(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Operation,
    string? PurchaseOrderId,
    string? Seller,
    string? CorrelationId,
    int? StatusCode,
    string? Fault,
    long DurationMs,
    string? RequestBody);
