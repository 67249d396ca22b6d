namespace OrderSync.Persistence;

/// <summary>How an attempt to run an operation began: a session that holds it, or none.</summary>
/// <param name="Session">Null when another copy runs the operation, or when it is <paramref name="UnknownToItsOrder"/>.</param>
/// <param name="UnknownToItsOrder">Neither recorded nor listed by its order: nothing may run it.</param>
public sealed record OperationBegin(OperationSession? Session, bool UnknownToItsOrder);
