namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// One seller's shipping calls in scenario 3: accepted calls over its window (first to last shipping call), and how many its
/// bucket allowed over that window (a full bucket plus one call per refill).
/// </summary>
public sealed record SellerShippingRate(string Seller, int Accepted, int Throttled, TimeSpan Window, double Allowed)
{
    public double Share => Allowed > 0 ? Accepted / Allowed : double.NaN;
}
