using OrderSync.Contracts.Results;

namespace OrderSync.Domain.Decisions;

/// <summary>Publish this result to Commerce; its sync latency runs from <paramref name="LatencyFrom"/>.</summary>
public sealed record PublishResult(SyncResultCloudEvent Result, DateTimeOffset LatencyFrom) : Decision;
