namespace OrderSync.Walmart;

/// <summary>
/// Walmart Marketplace Orders API. No method throws for an HTTP, network or timeout failure: each
/// answers a <see cref="WalmartResponse{T}"/> whose outcome says whether to retry. Only the
/// caller's own cancellation throws.
/// </summary>
public interface IWalmartOrdersClient
{
    Task<WalmartResponse<WalmartOrder>> GetOrderAsync(
        string storeCode, string purchaseOrderId, CancellationToken cancellationToken = default);

    Task<WalmartResponse<WalmartOrder>> ShipLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<ShipLineRequest> lines, CancellationToken cancellationToken = default);

    /// <summary>Corrects the tracking of lines already shipped (processMode PARTIAL_UPDATE).</summary>
    Task<WalmartResponse<WalmartOrder>> UpdateTrackingAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<ShipLineRequest> lines, CancellationToken cancellationToken = default);

    Task<WalmartResponse<WalmartOrder>> CancelLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<CancelLineRequest> lines, CancellationToken cancellationToken = default);

    Task<WalmartResponse<WalmartOrder>> AcknowledgeAsync(
        string storeCode, string purchaseOrderId, CancellationToken cancellationToken = default);
}
