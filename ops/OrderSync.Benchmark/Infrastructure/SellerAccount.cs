namespace OrderSync.Benchmark.Infrastructure;

/// <summary>A Commerce store view and its Walmart seller credentials, known to both the sandbox and the worker.</summary>
public sealed record SellerAccount(string StoreCode, string ClientId, string ClientSecret)
{
    public static IReadOnlyList<SellerAccount> Create(int count) =>
        [.. Enumerable.Range(1, count).Select(n => new SellerAccount($"store_{n}", $"bench-client-{n}", $"bench-secret-{n}"))];
}
