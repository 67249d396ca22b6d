namespace OrderSync.Walmart.Wire;

/// <remarks>Walmart sends and expects the amount as a string.</remarks>
internal sealed record QuantityDto(string? UnitOfMeasurement, string? Amount);
