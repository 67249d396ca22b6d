using System.Text.Json;

namespace OrderSync.Walmart.Wire;

/// <param name="EstimatedShipDate">The ship-by date: epoch milliseconds in Walmart's schema, an ISO time in its prose; both are read.</param>
internal sealed record ShippingInfoDto(string? MethodCode, JsonElement? EstimatedShipDate);
