namespace OrderSync.Walmart.Sandbox.Orders;

public sealed class SandboxOrder
{
    public required string Seller { get; init; }

    public required string PurchaseOrderId { get; init; }

    public required string CustomerOrderId { get; init; }

    public required string MethodCode { get; init; }

    public required DateTimeOffset OrderDate { get; init; }

    /// <summary>The ship-by date seeded; without one, a day after the order date.</summary>
    public DateTimeOffset? EstimatedShipDate { get; init; }

    public DateTimeOffset ShipBy => EstimatedShipDate ?? OrderDate.AddDays(1);

    public required List<SandboxOrderLine> Lines { get; init; }

    /// <summary>When any line last changed: what Walmart's lastModified filters compare.</summary>
    public DateTimeOffset LastModified => Lines.Aggregate(OrderDate, (latest, line) => line.StatusDate > latest ? line.StatusDate : latest);

    public SandboxOrderLine? FindLine(string lineNumber) => Lines.Find(line => line.LineNumber == lineNumber);

    public SandboxOrder Clone() => new()
    {
        Seller = Seller,
        PurchaseOrderId = PurchaseOrderId,
        CustomerOrderId = CustomerOrderId,
        MethodCode = MethodCode,
        OrderDate = OrderDate,
        EstimatedShipDate = EstimatedShipDate,
        Lines = Lines.Select(line => line.Clone()).ToList(),
    };
}
