using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;

namespace OrderSync.Cli.Orders;

public static class OrderLookup
{
    /// <summary>The one saga row of the order named on the command line, or a one-line failure.</summary>
    public static async Task<OrderSyncSagaRow> Find(OrderSyncSagaReader reader, OrderSettings settings, CancellationToken cancellationToken)
    {
        var store = string.IsNullOrWhiteSpace(settings.Store) ? null : settings.Store.Trim();
        var rows = await reader.Find(settings.PurchaseOrderId.Trim(), store, cancellationToken);
        return rows.Count switch
        {
            0 => throw new CliException(store is null ? $"no such order: {settings.PurchaseOrderId}" : $"no such order: {settings.PurchaseOrderId} in store {store}"),
            1 => rows[0],
            _ => throw new CliException(
                $"order {settings.PurchaseOrderId} exists in stores {string.Join(", ", rows.Select(row => row.StoreCode))}: pass --store", ExitCodes.Usage),
        };
    }
}
