using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace OrderSync.Worker.Inbound;

/// <summary>
/// Reads whatever arrives on the intake queue as raw JSON. A body that is not a JSON object still reaches the consumer (as an
/// empty object), which reads the real body and dead-letters it with a reason a person can act on, instead of MassTransit's
/// "error deserializing the envelope".
/// </summary>
public sealed class TolerantCloudEventDeserializer : IMessageDeserializer
{
    private static readonly MessageBody EmptyObject = new StringMessageBody("{}");

    private readonly SystemTextJsonRawMessageSerializer _raw = new(RawSerializerOptions.AnyMessageType);

    public ContentType ContentType => SystemTextJsonRawMessageSerializer.JsonContentType;

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
        _raw.Deserialize(IsJsonObject(body) ? body : EmptyObject, headers, destinationAddress);

    public MessageBody GetMessageBody(string text) => _raw.GetMessageBody(text);

    public void Probe(ProbeContext context) => context.CreateScope("tolerantCloudEventJson");

    private static bool IsJsonObject(MessageBody body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.GetBytes());
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
