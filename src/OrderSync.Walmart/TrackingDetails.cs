namespace OrderSync.Walmart;

/// <param name="CarrierCode">Commerce's carrier_code (ups, usps, fedex, dhl, custom, ...).</param>
/// <param name="CarrierTitle">Commerce's carrier title, used when the code alone does not name a Walmart carrier.</param>
public sealed record TrackingDetails(string CarrierCode, string? CarrierTitle, string TrackingNumber, string? TrackingUrl);
