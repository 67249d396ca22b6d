using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace OrderSync.Worker.Results;

/// <summary>Writes a message as bare JSON (no MassTransit envelope) labelled as a structured-mode CloudEvent.</summary>
public sealed class CloudEventJsonSerializer : IMessageSerializer
{
    public static readonly ContentType CloudEventsContentType = new("application/cloudevents+json");

    public static readonly CloudEventJsonSerializer Instance = new();

    private readonly SystemTextJsonRawMessageSerializer _raw = new(RawSerializerOptions.AddTransportHeaders);

    public ContentType ContentType => CloudEventsContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class => _raw.GetMessageBody(context);
}
