namespace OrderSync.Walmart.Sandbox;

public sealed class SandboxSellerOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;
}
