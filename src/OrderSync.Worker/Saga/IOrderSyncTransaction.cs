using OrderSync.Domain.State;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.Worker.Saga;

/// <summary>One message's unit of work on one order; disposed without a commit, it changes nothing.</summary>
public interface IOrderSyncTransaction : IAsyncDisposable
{
    /// <summary>The order's state as saved, or null when no message has reached the order yet.</summary>
    OrderSyncState? State { get; }

    /// <summary>Saves the new state (unless unchanged) and the messages to send, at once; returns the messages as stored.</summary>
    Task<IReadOnlyList<OutboxMessage>> Commit(OrderSyncState state, bool stateChanged, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}
