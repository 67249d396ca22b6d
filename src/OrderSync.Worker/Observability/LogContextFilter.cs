using MassTransit;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using SerilogContext = Serilog.Context.LogContext;

namespace OrderSync.Worker.Observability;

/// <summary>Every log line written while a message is handled carries its message and correlation ids and, when known, its purchase order.</summary>
public sealed class LogContextFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var purchaseOrderId = context.Message switch
        {
            ExecuteWalmartOperation command => command.PurchaseOrderId,
            IOrderEvent orderEvent => orderEvent.Context.PurchaseOrderId,
            ResyncRequested resync => resync.PurchaseOrderId,
            _ => null,
        };
        using (SerilogContext.PushProperty("MessageId", context.MessageId))
        using (SerilogContext.PushProperty("CorrelationId", context.CorrelationId ?? (context.Message as CorrelatedBy<Guid>)?.CorrelationId))
        using (purchaseOrderId is null ? null : SerilogContext.PushProperty("PurchaseOrderId", purchaseOrderId))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("logContext");
}
