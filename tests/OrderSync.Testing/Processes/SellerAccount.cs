namespace OrderSync.Testing.Processes;

/// <summary>A Commerce store view and its Walmart seller credentials, known to both the sandbox and the worker.</summary>
public sealed record SellerAccount(string StoreCode, string ClientId, string ClientSecret)
{
    /// <summary>The seller the sandbox's own appsettings.json configures for store view <c>walmart_us</c>.</summary>
    public static SellerAccount WalmartUs { get; } = new("walmart_us", "sandbox-walmart-us", "sandbox-secret-walmart-us");

    /// <summary>The sandbox's command-line settings that add this seller.</summary>
    public IEnumerable<string> SandboxSettings() =>
    [
        $"--Sandbox:Sellers:{StoreCode}:ClientId={ClientId}",
        $"--Sandbox:Sellers:{StoreCode}:ClientSecret={ClientSecret}",
    ];

    /// <summary>The worker's environment variables that configure this seller.</summary>
    public IEnumerable<KeyValuePair<string, string>> WorkerSettings() =>
    [
        KeyValuePair.Create($"Walmart__Sellers__{StoreCode}__ClientId", ClientId),
        KeyValuePair.Create($"Walmart__Sellers__{StoreCode}__ClientSecret", ClientSecret),
    ];
}
