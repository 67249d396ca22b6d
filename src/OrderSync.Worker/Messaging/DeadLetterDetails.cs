using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Messaging;

/// <summary>What an operator needs on a dead letter besides MassTransit's fault headers: the order, and Walmart's own words.</summary>
public interface IDeadLetterDetails
{
    string? PurchaseOrderId { get; }

    string? StoreCode { get; }

    IReadOnlyList<WalmartErrorDetail> WalmartErrors { get; }
}
