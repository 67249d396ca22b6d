using MassTransit;
using OrderSync.Contracts.Results;
using OrderSync.Worker.Messaging;

namespace OrderSync.Worker.Results;

public static class SyncResultSending
{
    /// <summary>Sends a result to the results exchange with its type as routing key and its CloudEvent id as message id.</summary>
    public static async Task SendSyncResult(this ISendEndpointProvider sender, SyncResultCloudEvent result, CancellationToken cancellationToken)
    {
        var endpoint = await sender.GetSendEndpoint(QueueNames.SyncResultsAddress);
        await endpoint.Send(result, send =>
        {
            send.SetRoutingKey(result.Type);
            send.Serializer = CloudEventJsonSerializer.Instance;
            send.MessageId = Guid.Parse(result.Id);
        }, cancellationToken);
    }
}
