namespace OrderSync.Worker.Inbound;

/// <summary>
/// Any raw JSON document on the intake queue. Commerce does not speak MassTransit's envelope, so the consumer reads the
/// body itself (<see cref="CommerceEnvelope.Parse"/>); this type only gives MassTransit something to dispatch.
/// </summary>
public sealed record CommerceCloudEvent;
