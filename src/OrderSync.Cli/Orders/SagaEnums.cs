using System.Text.Json;

namespace OrderSync.Cli.Orders;

/// <summary>The worker's enums as its saga state stores them (numbers), named; read without referencing the worker.</summary>
public static class SagaEnums
{
    public static readonly string[] ShipmentStatus = ["WaitingForTrack", "Queued", "Synced", "Failed"];
    public static readonly string[] CancellationStatus = ["Queued", "Synced", "Failed"];
    public static readonly string[] OperationKind = ["Ship", "UpdateTracking", "Cancel"];
    public static readonly string[] OperationStatus = ["Queued", "InFlight", "Succeeded", "Failed"];

    /// <summary>The name of a stored enum value: a number mapped through <paramref name="names"/>, or a name kept as it is.</summary>
    public static string? Name(JsonElement value, string[] names) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) && number >= 0 && number < names.Length => names[number],
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };
}
