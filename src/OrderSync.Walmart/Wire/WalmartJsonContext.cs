using System.Text.Json.Serialization;

namespace OrderSync.Walmart.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ShipmentRequestBody))]
[JsonSerializable(typeof(CancellationRequestBody))]
[JsonSerializable(typeof(OrderResponseDto))]
[JsonSerializable(typeof(OrderListResponseDto))]
[JsonSerializable(typeof(TokenResponseDto))]
internal sealed partial class WalmartJsonContext : JsonSerializerContext;
