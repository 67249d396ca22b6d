using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrderSync.Contracts.Commands;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.Decisions;

namespace OrderSync.Worker.Saga.Outbox;

/// <summary>A message an order decided to send, as it is stored beside the order's state until it is delivered.</summary>
/// <param name="Id">Its place in the outbox, 0 until stored; an order's messages are delivered in this order.</param>
public sealed record OutboxMessage(long Id, Guid CorrelationId, string Kind, string Body)
{
    public const string Operation = "operation";
    public const string Result = "result";
    public const string WakeUp = "wake-up";
    public const string ReleaseShipment = "release-shipment";
    public const string ReleaseTrack = "release-track";
    public const string ReleaseCancellation = "release-cancellation";

    // Results carry one of three data types, which the stored JSON names so that it reads back; what Commerce receives has no such
    // field. jsonb keeps keys in an order of its own, so the name may come after the data it names.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NameResultDataTypes } },
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>The message a decision sends, or null for a decision that only informs (a log line, a metric).</summary>
    public static OutboxMessage? From(Guid correlationId, Decision decision) => decision switch
    {
        SendOperation send => New(correlationId, Operation, send.Command),
        PublishResult publish => New(correlationId, Result, publish.Result),
        WakeUpAt wake => New(correlationId, WakeUp, new HeldEventsDue { CorrelationId = correlationId }, wake.At),
        ReleaseHeldEvent { Event: ShipmentReceived shipment } => New(correlationId, ReleaseShipment, shipment),
        ReleaseHeldEvent { Event: TrackReceived track } => New(correlationId, ReleaseTrack, track),
        ReleaseHeldEvent { Event: CancellationRequested cancellation } => New(correlationId, ReleaseCancellation, cancellation),
        ReleaseHeldEvent held => throw new NotSupportedException($"A held {held.Event.GetType().Name} cannot be released."),
        _ => null,
    };

    public ExecuteWalmartOperation ReadOperation() => Read<ExecuteWalmartOperation>();

    public SyncResultCloudEvent ReadResult() => Read<SyncResultCloudEvent>();

    public IOrderEvent ReadReleased() => Kind switch
    {
        ReleaseShipment => Read<ShipmentReceived>(),
        ReleaseTrack => Read<TrackReceived>(),
        ReleaseCancellation => Read<CancellationRequested>(),
        _ => throw new InvalidOperationException($"Outbox message {Id} is a {Kind}, not a released event."),
    };

    /// <summary>When the order's timer is due.</summary>
    public DateTimeOffset ReadWakeUpTime() => JsonDocument.Parse(Body).RootElement.GetProperty("at").GetDateTimeOffset();

    private static OutboxMessage New<T>(Guid correlationId, string kind, T message, DateTimeOffset? at = null) =>
        new(0, correlationId, kind, at is { } time ? JsonSerializer.Serialize(new { at = time }, Json) : JsonSerializer.Serialize(message, Json));

    private T Read<T>() => JsonSerializer.Deserialize<T>(Body, Json) ?? throw new JsonException($"Outbox message {Id} ({Kind}) is empty.");

    private static void NameResultDataTypes(JsonTypeInfo info)
    {
        if (info.Type == typeof(SyncResultData))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "$dataType",
                DerivedTypes =
                {
                    new JsonDerivedType(typeof(ShipmentSyncedData), "shipment-synced"),
                    new JsonDerivedType(typeof(CancellationSyncedData), "cancellation-synced"),
                    new JsonDerivedType(typeof(SyncFailedData), "sync-failed"),
                    new JsonDerivedType(typeof(ChangedOnWalmartData), "changed-on-walmart"),
                },
            };
        }
    }
}
