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

    /// <summary>
    /// GET /v3/orders: one page of the seller's orders that match <paramref name="query"/>, or of the page
    /// <paramref name="nextCursor"/> (an answer's meta.nextCursor) names. Nothing found is an empty page, not an error.
    /// </summary>
    Task<WalmartResponse<WalmartOrderPage>> ListOrdersAsync(
        string storeCode, WalmartOrderQuery query, string? nextCursor, WalmartCallPriority priority, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/orders/{purchaseOrderId} with a token the seller's budget can spare (<see cref="WalmartCallPriority.Spare"/>) or in line.</summary>
    Task<WalmartResponse<WalmartOrder>> GetOrderAsync(
        string storeCode, string purchaseOrderId, WalmartCallPriority priority, CancellationToken cancellationToken = default);

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
