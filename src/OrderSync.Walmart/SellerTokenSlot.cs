namespace OrderSync.Walmart;

internal sealed class SellerTokenSlot
{
    /// <summary>Lets one caller at a time ask Walmart for this seller's token; the others wait and reuse it.</summary>
    public SemaphoreSlim RefreshGate { get; } = new(1, 1);

    public CachedAccessToken? Current { get; set; }

    /// <summary>Null once a token is issued.</summary>
    public TokenFailure? LastFailure { get; set; }
}
