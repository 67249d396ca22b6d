namespace OrderSync.Walmart;

/// <summary>What goes into trackingInfo.carrierName: exactly one of the two is set.</summary>
public sealed record WalmartCarrier(string? Carrier, string? OtherCarrier)
{
    public bool IsOther => OtherCarrier is not null;
}
