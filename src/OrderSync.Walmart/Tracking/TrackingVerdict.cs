namespace OrderSync.Walmart.Tracking;

/// <summary>How Walmart will likely take one shipment's tracking (Walmart counts valid tracking towards the seller's standing).</summary>
public enum TrackingVerdict
{
    /// <summary>The number is in a form its Walmart carrier uses, check digit included.</summary>
    Valid,

    /// <summary>A Walmart carrier whose number forms this client does not know (carrier-formats.json lists none): sent unchecked.</summary>
    Unchecked,

    /// <summary>
    /// Walmart will take it but may count it as invalid tracking: the number is in no form its carrier uses or fails its check
    /// digit, or the carrier is not one of Walmart's (otherCarrier), so Walmart cannot check it.
    /// </summary>
    Unrecognised,

    /// <summary>Walmart would refuse the call: no number, no tracking URL for otherCarrier, or a URL that is not a web address.</summary>
    Refused,
}
