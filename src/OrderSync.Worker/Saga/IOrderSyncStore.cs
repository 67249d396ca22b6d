using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Saga;

/// <summary>Where each order's state and the messages it decided to send are kept, together.</summary>
public interface IOrderSyncStore
{
    /// <summary>Loads the order's state and holds it: a second message of the same order waits until this one commits or rolls back.</summary>
    Task<IOrderSyncTransaction> Begin(Guid correlationId, CancellationToken cancellationToken);

    /// <summary>These outbox messages reached the broker and need not be delivered again.</summary>
    void Delivered(IEnumerable<OutboxMessage> messages);
}
