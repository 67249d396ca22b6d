using System.Net.Http.Json;
using Dapper;
using Npgsql;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Reconciliation;

/// <summary>What the reconciliation tests do to the sandbox's orders on Walmart's side, and what they read of the passes.</summary>
internal static class ReconciliationStack
{
    public const string ChangedOnWalmart = "walmart.order.changed-on-walmart";

    /// <summary>The seller account of walmart_us, as the worker keys it.</summary>
    public const string UsSeller = "walmart_us";

    /// <summary>A pass every two seconds.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Reconciliation:Interval"] = "00:00:02" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task CancelOnWalmart(this WalmartSandbox sandbox, string purchaseOrderId, string lineNumber, string reason) =>
        (await sandbox.Admin.PostAsJsonAsync($"admin/orders/{purchaseOrderId}/lines/{lineNumber}/cancel", new { reason })).EnsureSuccessStatusCode();

    public static async Task ShipInSellerCenter(this WalmartSandbox sandbox, string purchaseOrderId, string lineNumber, string carrier, string trackingNumber) =>
        (await sandbox.Admin.PostAsJsonAsync($"admin/orders/{purchaseOrderId}/lines/{lineNumber}/ship", new { carrier, trackingNumber })).EnsureSuccessStatusCode();

    public static async Task ChangeTrackingInSellerCenter(this WalmartSandbox sandbox, string purchaseOrderId, string lineNumber, string carrier, string trackingNumber) =>
        (await sandbox.Admin.PutAsJsonAsync($"admin/orders/{purchaseOrderId}/lines/{lineNumber}/tracking", new { carrier, trackingNumber })).EnsureSuccessStatusCode();

    /// <summary>Waits until the seller's passes have completed <paramref name="passes"/> more times, however many instances run them.</summary>
    public static async Task WaitForPasses(string postgres, int passes, string seller = UsSeller)
    {
        await using var database = NpgsqlDataSource.Create(postgres);
        var last = await LastCompleted(database, seller);
        for (var seen = 0; seen < passes; seen++)
        {
            var before = last;
            last = await Eventually.Matches(() => LastCompleted(database, seller), completed => completed is not null && completed != before, $"reconciling pass {seen + 1} of {passes} for {seller}", TimeSpan.FromSeconds(60));
        }
    }

    public static IReadOnlyList<ReceivedResult> ChangesOf(this SyncStack stack, string purchaseOrderId) =>
        [.. stack.Results.Results.Where(r => r.Type == ChangedOnWalmart && r.Subject == purchaseOrderId)];

    private static async Task<DateTime?> LastCompleted(NpgsqlDataSource database, string seller)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<DateTime?>(
            "select pass_completed_at from reconciliation_seller where seller = @seller", new { seller });
    }
}
