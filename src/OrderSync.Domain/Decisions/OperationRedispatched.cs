using OrderSync.Contracts.Commands;

namespace OrderSync.Domain.Decisions;

/// <summary>Logged and counted: an operation in flight with nothing left to carry it was sent again.</summary>
public sealed record OperationRedispatched(Guid OperationId, WalmartOperationKind Kind) : Decision;
