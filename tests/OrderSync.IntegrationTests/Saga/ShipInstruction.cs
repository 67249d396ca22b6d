namespace OrderSync.IntegrationTests.Saga;

/// <summary>One line of a ship or tracking-update call the sandbox received, and whether the sandbox applied it.</summary>
/// <param name="Applied">The call changed the order: answered 2xx, or an apply-then-fail fault that applied it and then failed.</param>
public sealed record ShipInstruction(long Sequence, string LineNumber, int Quantity, string TrackingNumber, bool IsTrackingUpdate, bool Applied);
