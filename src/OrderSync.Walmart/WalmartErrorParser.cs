using System.Text.Json;

namespace OrderSync.Walmart;

/// <summary>
/// Reads Walmart's two error shapes, {"errors":{"error":[{code, field, description, ...}]}} and
/// {"errors":[{code, message, ...}]}, and copes with an empty or non-JSON body (a bare 503).
/// </summary>
internal static class WalmartErrorParser
{
    public static IReadOnlyList<WalmartError> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !TryGetProperty(document.RootElement, "errors", out var errors))
            {
                return [];
            }

            var items = errors.ValueKind switch
            {
                JsonValueKind.Array => errors,
                JsonValueKind.Object when TryGetProperty(errors, "error", out var inner) => inner,
                _ => default,
            };

            return items.ValueKind switch
            {
                JsonValueKind.Array => items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ReadError).ToList(),
                JsonValueKind.Object => [ReadError(items)],
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static WalmartError ReadError(JsonElement error)
    {
        var code = ReadString(error, "code") ?? "UNKNOWN";
        var field = ReadString(error, "field");
        var description = ReadString(error, "description") ?? ReadString(error, "message") ?? ReadString(error, "info");
        return new WalmartError(code, field, description);
    }

    private static string? ReadString(JsonElement element, string name) =>
        TryGetProperty(element, name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
