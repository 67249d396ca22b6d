namespace OrderSync.Ingress.Delivery;

/// <summary>One CloudEvent of a delivery: its exact JSON text, published as Adobe sent it, and what routes and names it.</summary>
public sealed record CommerceCloudEvent(string Id, string Type, ReadOnlyMemory<byte> Json);
