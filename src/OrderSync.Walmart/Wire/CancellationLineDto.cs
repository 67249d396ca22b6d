namespace OrderSync.Walmart.Wire;

internal sealed record CancellationLineDto(string LineNumber, LineStatusesEnvelope<CancellationLineStatusDto> OrderLineStatuses);
