using MassTransit;
using OrderSync.Contracts.Events;

namespace OrderSync.Worker.Saga;

/// <summary>
/// The saga's queue: each message goes to <see cref="OrderSyncSaga"/>. A plain consumer rather than a MassTransit state
/// machine: the rules decide everything, so a state machine would only route, and its repository and in-memory outbox are
/// what the saga's store and outbox replace.
/// </summary>
public sealed class OrderSyncConsumer(OrderSyncSaga saga) :
    IConsumer<ShipmentReceived>,
    IConsumer<TrackReceived>,
    IConsumer<CancellationRequested>,
    IConsumer<CommerceEventRejected>,
    IConsumer<HeldEventsDue>,
    IConsumer<ResyncRequested>,
    IConsumer<WalmartOperationCompleted>,
    IConsumer<WalmartOperationFailed>,
    IConsumer<WalmartOrderReconciled>
{
    public Task Consume(ConsumeContext<ShipmentReceived> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<TrackReceived> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<CancellationRequested> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<CommerceEventRejected> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<HeldEventsDue> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<ResyncRequested> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<WalmartOperationCompleted> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<WalmartOperationFailed> context) => saga.Handle(context.Message, context);

    public Task Consume(ConsumeContext<WalmartOrderReconciled> context) => saga.Handle(context.Message, context);
}
