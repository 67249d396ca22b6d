namespace OrderSync.Walmart;

/// <param name="Action">What the merchant would call the call: "shipment", "cancellation", ...</param>
internal sealed record WalmartCallContext(string StoreCode, string Action, string? PurchaseOrderId);
