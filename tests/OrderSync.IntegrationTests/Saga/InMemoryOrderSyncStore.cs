using System.Collections.Concurrent;
using OrderSync.Domain.State;
using OrderSync.Worker.Saga;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// Orders kept in memory, beside the PostgreSQL store in the same tests: each order is locked while a message is applied, and
/// its state is kept as the JSON the worker stores, so that what the rules keep must survive the round trip.
/// </summary>
public sealed class InMemoryOrderSyncStore : IOrderSyncStore
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<Guid, string> _states = new();
    private long _lastOutboxId;

    public async Task<IOrderSyncTransaction> Begin(Guid correlationId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(correlationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        var state = _states.TryGetValue(correlationId, out var json) ? OrderSyncState.FromJson(json) : null;
        return new Transaction(this, gate, correlationId, state);
    }

    public void Delivered(IEnumerable<OutboxMessage> messages)
    {
    }

    private sealed class Transaction(InMemoryOrderSyncStore store, SemaphoreSlim gate, Guid correlationId, OrderSyncState? state) : IOrderSyncTransaction
    {
        public OrderSyncState? State { get; } = state;

        public Task<IReadOnlyList<OutboxMessage>> Commit(
            OrderSyncState state, bool stateChanged, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            if (stateChanged)
            {
                store._states[correlationId] = state.ToJson();
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. messages.Select(m => m with { Id = Interlocked.Increment(ref store._lastOutboxId) })]);
        }

        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
