using System.Text.Json.Serialization;

namespace OrderSync.Walmart.Wire;

internal sealed record TokenResponseDto(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
