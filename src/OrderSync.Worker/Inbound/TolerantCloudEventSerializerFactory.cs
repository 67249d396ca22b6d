using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace OrderSync.Worker.Inbound;

public sealed class TolerantCloudEventSerializerFactory : ISerializerFactory
{
    private readonly TolerantCloudEventDeserializer _deserializer = new();

    public ContentType ContentType => SystemTextJsonRawMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => new SystemTextJsonRawMessageSerializer(RawSerializerOptions.AnyMessageType);

    public IMessageDeserializer CreateDeserializer() => _deserializer;
}
