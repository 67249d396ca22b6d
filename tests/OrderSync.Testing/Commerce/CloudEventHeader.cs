namespace OrderSync.Testing.Commerce;

/// <summary>A CloudEvent's own attributes: its id (the <c>causationId</c> of the result answering it), its time and its source.</summary>
public sealed record CloudEventHeader(string Id, DateTimeOffset Time, string Source)
{
    /// <summary>A new id, now, from a test's Commerce.</summary>
    public static CloudEventHeader New() => new(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, "urn:uuid:commerce-test");
}
