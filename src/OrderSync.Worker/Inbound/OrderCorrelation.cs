using UUIDNext;

namespace OrderSync.Worker.Inbound;

/// <summary>The saga id of a purchase order: the same on every instance, for every event, without a lookup.</summary>
public static class OrderCorrelation
{
    private static readonly Guid Namespace = new("3f6c1c2e-8f0b-4a8e-9d7e-5b2a1c0d9e41");

    public static Guid For(string storeCode, string purchaseOrderId) =>
        Uuid.NewNameBased(Namespace, $"{storeCode}\n{purchaseOrderId}");
}
