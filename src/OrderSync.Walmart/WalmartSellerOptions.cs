namespace OrderSync.Walmart;

public sealed class WalmartSellerOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;
}
