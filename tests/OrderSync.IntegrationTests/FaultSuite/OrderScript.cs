namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>What Commerce does to one order in a fault scenario's load.</summary>
public enum OrderScript
{
    /// <summary>One line; one shipment with its track: shipped.</summary>
    Ship,

    /// <summary>One line; a shipment without a track, then its track: shipped once the track came.</summary>
    ShipThenTrack,

    /// <summary>Two lines; the order cancelled as out of stock: both lines cancelled.</summary>
    Cancel,

    /// <summary>Two lines; two shipments of one line each: partially shipped, then shipped.</summary>
    TwoShipments,

    /// <summary>One line; a shipment, then a changed tracking number: shipped, and Walmart shows the new number.</summary>
    Retrack,

    /// <summary>One line; one shipment published twice (at-least-once delivery): shipped once.</summary>
    DeliveredTwice,

    /// <summary>
    /// Four lines (MUG, MUG, TEE, CAP); seven events: four shipments, one without its track until a track event, one saved twice, and
    /// a changed tracking number: shipped, with the latest tracking numbers.
    /// </summary>
    ManyShipments,

    /// <summary>
    /// Three lines; a shipment with its track and one whose track follows, then (second wave, once both are synced, as Commerce
    /// cannot cancel what it shipped) the order cancelled: two lines shipped, the third cancelled.
    /// </summary>
    ShipPartThenCancel,
}
