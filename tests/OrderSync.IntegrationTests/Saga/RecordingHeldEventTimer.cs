using System.Collections.Concurrent;
using MassTransit;
using OrderSync.Worker.Saga.Outbox;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>The saga's timer as the harness sees it: the test delivers <c>HeldEventsDue</c> itself when it wants the timer to fire.</summary>
public sealed class RecordingHeldEventTimer : IHeldEventTimer
{
    private readonly ConcurrentQueue<(Guid CorrelationId, TimeSpan Delay)> _requests = new();

    public IReadOnlyList<(Guid CorrelationId, TimeSpan Delay)> Requests => [.. _requests];

    public Task WakeUpLater(ISendEndpointProvider sender, Guid correlationId, TimeSpan delay, CancellationToken cancellationToken)
    {
        _requests.Enqueue((correlationId, delay));
        return Task.CompletedTask;
    }
}
