using System.Text.Json;

namespace OrderSync.Walmart.Wire;

/// <param name="IntentToCancel">Walmart documents a string, but any JSON value is read, so that a boolean does not fail the whole order.</param>
internal sealed record OrderLineDto(
    string? LineNumber,
    ItemDto? Item,
    QuantityDto? OrderLineQuantity,
    LineStatusesEnvelope<OrderLineStatusDto>? OrderLineStatuses,
    JsonElement? IntentToCancel);
