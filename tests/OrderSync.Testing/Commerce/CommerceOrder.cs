namespace OrderSync.Testing.Commerce;

/// <summary>An order as Commerce's events name it: Walmart's purchase order id (<c>ext_order_id</c>), the store view, Commerce's own ids.</summary>
public sealed record CommerceOrder(string PurchaseOrderId, string StoreCode, string EntityId, string IncrementId)
{
    /// <summary>Any order of a test: Commerce's entity 1, its increment id made of the purchase order id's last six digits.</summary>
    public static CommerceOrder Of(string purchaseOrderId, string storeCode = "walmart_us") => new(purchaseOrderId, storeCode, "1", "INC-" + purchaseOrderId[^6..]);
}
