namespace OrderSync.Walmart.Sandbox.Gateway;

public enum ThrottleScope
{
    /// <summary>One bucket shared by every Orders endpoint of the seller.</summary>
    Seller,

    /// <summary>One bucket per endpoint, each with the seller's rate and capacity.</summary>
    Endpoint,
}
