using System.Text.Json.Serialization;

namespace OrderSync.Walmart.Tracking;

/// <summary>carrier-formats.json as written.</summary>
internal sealed record CarrierFormatsDocument(IReadOnlyList<CarrierFormatsDocument.CarrierEntry>? Carriers)
{
    internal sealed record CarrierEntry(string? Carrier, string? LooksLike, IReadOnlyList<FormatEntry>? Formats);

    internal sealed record FormatEntry(
        string? Name, string? Pattern, string? CheckDigit, string? CheckPrefix, bool Distinctive, string? Example, string? Source);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CarrierFormatsDocument))]
internal sealed partial class CarrierFormatsJsonContext : JsonSerializerContext;
