namespace OrderSync.Walmart.Sandbox.Orders;

public sealed class SandboxOrder
{
    public required string Seller { get; init; }

    public required string PurchaseOrderId { get; init; }

    public required string CustomerOrderId { get; init; }

    public required string MethodCode { get; init; }

    public required DateTimeOffset OrderDate { get; init; }

    public required List<SandboxOrderLine> Lines { get; init; }

    public SandboxOrderLine? FindLine(string lineNumber) => Lines.Find(line => line.LineNumber == lineNumber);

    public SandboxOrder Clone() => new()
    {
        Seller = Seller,
        PurchaseOrderId = PurchaseOrderId,
        CustomerOrderId = CustomerOrderId,
        MethodCode = MethodCode,
        OrderDate = OrderDate,
        Lines = Lines.Select(line => line.Clone()).ToList(),
    };
}
