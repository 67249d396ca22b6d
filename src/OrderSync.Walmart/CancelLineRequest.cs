namespace OrderSync.Walmart;

/// <param name="Reason">Walmart's cancellationReason code, such as SELLER_CANCEL_OUT_OF_STOCK.</param>
public sealed record CancelLineRequest(string LineNumber, int Quantity, string Reason);
