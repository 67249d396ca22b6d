namespace OrderSync.Walmart.Wire;

internal sealed record OrderCancellationDto(OrderLinesEnvelope<CancellationLineDto> OrderLines);
