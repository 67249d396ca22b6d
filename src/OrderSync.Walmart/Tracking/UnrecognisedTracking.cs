namespace OrderSync.Walmart.Tracking;

/// <summary><c>Walmart:UnrecognisedTracking</c>: what becomes of a shipment whose tracking is <see cref="TrackingVerdict.Unrecognised"/>.</summary>
public enum UnrecognisedTracking
{
    /// <summary>Sent, with the warning in the sync result and counted in a metric: Walmart takes it.</summary>
    Warn,

    /// <summary>Refused before any Walmart call: the order shows Error until Commerce's track is corrected.</summary>
    Refuse,
}
