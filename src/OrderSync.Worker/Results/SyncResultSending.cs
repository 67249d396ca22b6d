using MassTransit;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Messaging;

namespace OrderSync.Worker.Results;

public static class SyncResultSending
{
    /// <summary>Sends a result to the results exchange with its type as routing key; inside a saga the outbox holds it until the row is saved.</summary>
    public static async Task SendSyncResult(this ConsumeContext context, SyncResultCloudEvent result)
    {
        var endpoint = await context.GetSendEndpoint(QueueNames.SyncResultsAddress);
        await endpoint.Send(result, send =>
        {
            send.SetRoutingKey(result.Type);
            send.Serializer = CloudEventJsonSerializer.Instance;
            send.MessageId = Guid.Parse(result.Id);
        });
    }
}
