namespace OrderSync.Walmart.Tracking;

/// <summary>What the client sends to Walmart for one Commerce track, and how Walmart will likely take it.</summary>
public sealed record TrackingCheck
{
    /// <summary>trackingInfo.carrierName: Walmart's carrier, or otherCarrier.</summary>
    public required WalmartCarrier Carrier { get; init; }

    /// <summary>trackingInfo.trackingNumber: normalised (letters and digits, upper case) when Valid, otherwise as typed, trimmed.</summary>
    public required string TrackingNumber { get; init; }

    /// <summary>trackingInfo.trackingURL, trimmed; null when Commerce has none.</summary>
    public string? TrackingUrl { get; init; }

    public required TrackingVerdict Verdict { get; init; }

    /// <summary>One sentence for the merchant when Unrecognised or Refused; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>Why Walmart would refuse it, one error per reason; empty unless Refused.</summary>
    public IReadOnlyList<WalmartError> Refusals { get; init; } = [];

    /// <summary>The track came with a carrier Walmart does not know, and its number is in a form only <see cref="Carrier"/> issues.</summary>
    public bool CarrierRecognised { get; init; }
}
