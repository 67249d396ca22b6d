namespace OrderSync.Walmart;

internal enum RateLimitedEndpoint
{
    GetOrder,
    Shipping,
    Cancel,
    Acknowledge,
}
