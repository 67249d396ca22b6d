namespace OrderSync.Domain.Decisions;

/// <summary>Logged: an operator's resync queued the order's failed operations again.</summary>
public sealed record OperationsRequeued(int Count, string? RequestedBy) : Decision;
