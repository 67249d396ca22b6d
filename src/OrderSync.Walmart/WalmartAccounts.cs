namespace OrderSync.Walmart;

/// <summary>One Walmart seller account: the store views configured with its credentials. Walmart meters calls per account.</summary>
/// <param name="Key">Lower-case store code of its first store view: names its queue and labels its metrics.</param>
public sealed record WalmartAccount(string Key, IReadOnlyList<string> StoreCodes);

/// <summary>Groups the configured store views by Walmart account (the same ClientId is the same seller).</summary>
public sealed class WalmartAccounts
{
    private readonly Dictionary<string, WalmartAccount> byStore = new(StringComparer.OrdinalIgnoreCase);

    public WalmartAccounts(WalmartOptions options)
    {
        var groups = options.Sellers
            .GroupBy(seller => string.IsNullOrWhiteSpace(seller.Value?.ClientId) ? "store " + seller.Key.ToUpperInvariant() : seller.Value.ClientId, StringComparer.Ordinal)
            .Select(group => group.Select(seller => seller.Key).Order(StringComparer.OrdinalIgnoreCase).ToList());
        foreach (var stores in groups)
        {
            var account = new WalmartAccount(stores[0].ToLowerInvariant(), stores);
            All.Add(account);
            foreach (var store in stores)
            {
                byStore[store] = account;
            }
        }
    }

    public List<WalmartAccount> All { get; } = [];

    /// <summary>The account of a configured store view; null for a store code without credentials.</summary>
    public WalmartAccount? Of(string storeCode) => byStore.GetValueOrDefault(storeCode);
}
