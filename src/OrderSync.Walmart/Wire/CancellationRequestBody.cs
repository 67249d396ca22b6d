namespace OrderSync.Walmart.Wire;

internal sealed record CancellationRequestBody(OrderCancellationDto OrderCancellation);
