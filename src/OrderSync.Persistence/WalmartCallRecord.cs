namespace OrderSync.Persistence;

public sealed record WalmartCallRecord
{
    public Guid? OperationId { get; init; }
    public required string StoreCode { get; init; }
    public required string PurchaseOrderId { get; init; }
    public required string Operation { get; init; }
    public string? LinesJson { get; init; }
    public required string CorrelationId { get; init; }
    public int? HttpStatus { get; init; }
    public required string Outcome { get; init; }
    public string? Message { get; init; }
    public string? WalmartErrorsJson { get; init; }
    public double DurationMs { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset CalledAt { get; init; }
}
