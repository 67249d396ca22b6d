namespace OrderSync.Walmart.Wire;

internal sealed record LineStatusesEnvelope<TStatus>(IReadOnlyList<TStatus>? OrderLineStatus);
