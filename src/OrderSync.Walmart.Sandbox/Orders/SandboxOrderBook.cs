using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>
/// The orders in memory. A change runs on a copy under one lock and replaces the order only when it
/// raised no error, so a refused request changes nothing, as on Walmart.
/// </summary>
public sealed class SandboxOrderBook
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SandboxOrder> orders = new(StringComparer.Ordinal);

    public void Put(IEnumerable<SandboxOrder> newOrders)
    {
        lock (gate)
        {
            foreach (var order in newOrders)
            {
                orders[order.PurchaseOrderId] = order.Clone();
            }
        }
    }

    public bool Contains(string purchaseOrderId)
    {
        lock (gate)
        {
            return orders.ContainsKey(purchaseOrderId);
        }
    }

    /// <summary>A copy of the order; with a seller, only if it belongs to that seller.</summary>
    public SandboxOrder? Find(string purchaseOrderId, string? seller = null)
    {
        lock (gate)
        {
            return orders.TryGetValue(purchaseOrderId, out var order) && BelongsTo(order, seller) ? order.Clone() : null;
        }
    }

    /// <summary>Copies of the seller's orders, in purchase order id order.</summary>
    public IReadOnlyList<SandboxOrder> ListOf(string seller)
    {
        lock (gate)
        {
            return [.. orders.Values.Where(order => BelongsTo(order, seller)).OrderBy(order => order.PurchaseOrderId, StringComparer.Ordinal).Select(order => order.Clone())];
        }
    }

    public OrderChangeResult Change(string purchaseOrderId, string seller, Func<SandboxOrder, List<SandboxError>> change)
    {
        lock (gate)
        {
            if (!orders.TryGetValue(purchaseOrderId, out var order) || !BelongsTo(order, seller))
            {
                return new OrderChangeResult(null, []);
            }

            var draft = order.Clone();
            var errors = change(draft);
            if (errors.Count > 0)
            {
                return new OrderChangeResult(null, errors);
            }

            orders[purchaseOrderId] = draft;
            return new OrderChangeResult(draft.Clone(), []);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            orders.Clear();
        }
    }

    private static bool BelongsTo(SandboxOrder order, string? seller) =>
        seller is null || string.Equals(order.Seller, seller, StringComparison.OrdinalIgnoreCase);
}
