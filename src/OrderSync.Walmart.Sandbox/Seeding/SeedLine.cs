namespace OrderSync.Walmart.Sandbox.Seeding;

/// <param name="Status">The status of the whole quantity: Created, Acknowledged (default), Shipped, Delivered or Cancelled.</param>
/// <param name="TrackingNumber">For a Shipped or Delivered line; the carrier is then UPS.</param>
public sealed record SeedLine(string? LineNumber, string? Sku, int Quantity, string? Status, string? ProductName, string? TrackingNumber);
