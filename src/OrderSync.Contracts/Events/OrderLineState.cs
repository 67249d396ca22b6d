namespace OrderSync.Contracts.Events;

public sealed record OrderLineState(string LineNumber, string Sku, int Quantity, int Shipped, int Cancelled)
{
    public bool IsClosed => Shipped + Cancelled >= Quantity;
}
