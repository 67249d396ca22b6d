namespace OrderSync.Persistence;

/// <summary>How close an order with work left is to Walmart's ship-by date.</summary>
public enum ShipByStanding
{
    NotDueYet,
    DueWithin24Hours,
    Overdue,
}
