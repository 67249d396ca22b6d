namespace OrderSync.Persistence;

public sealed record OperationStart(Guid OperationId, Guid CorrelationId, string StoreCode, string PurchaseOrderId, string Kind, string CausationId);
