using System.Globalization;
using System.Text.Json;

namespace OrderSync.Worker.Inbound;

/// <summary>The CloudEvents 1.0 attributes the worker reads, and <c>data.value</c>, the Commerce entity.</summary>
public sealed record CommerceEnvelope(string Id, string Type, string Source, DateTimeOffset Time, JsonElement Value)
{
    /// <summary>The CloudEvent id of an event too large to read, from its first 4 KB only, for the reason that refuses it.</summary>
    public static string? PeekId(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body[..Math.Min(body.Length, 4096)], isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>
    /// Reads a structured-mode CloudEvent; attributes outside the contract are ignored, as it asks. Of an event of a type the
    /// worker does not handle only the type is checked, and <see cref="Value"/> is left undefined.
    /// </summary>
    /// <exception cref="InvalidCommerceEventException">The body is not JSON, not a CloudEvent, or lacks <c>data.value</c>.</exception>
    public static CommerceEnvelope Parse(ReadOnlyMemory<byte> body, TimeProvider clock)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            // No inner exception: MassTransit reports the innermost message as the dead letter's reason, and ours says more.
            throw new InvalidCommerceEventException($"The message body is not JSON: {exception.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCommerceEventException($"The message body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a CloudEvent object.");
        }

        // The contract: a type the worker does not handle is acknowledged and counted whatever its shape, never dead-lettered.
        if (OptionalAttribute(root, "type") is { } foreignType && !CommerceEventTranslator.Handles(foreignType))
        {
            return new CommerceEnvelope(OptionalAttribute(root, "id") ?? string.Empty, foreignType, OptionalAttribute(root, "source") ?? string.Empty, clock.GetUtcNow(), default);
        }

        var specVersion = RequiredAttribute(root, "specversion");
        if (specVersion != "1.0")
        {
            throw new InvalidCommerceEventException($"CloudEvent specversion '{specVersion}' is not supported; expected '1.0'.");
        }

        var id = RequiredAttribute(root, "id");
        var type = RequiredAttribute(root, "type");
        var source = RequiredAttribute(root, "source");
        var time = OptionalAttribute(root, "time") is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new InvalidCommerceEventException($"CloudEvent time '{text}' is not an RFC 3339 timestamp.")
            : clock.GetUtcNow();

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCommerceEventException("The CloudEvent has no data object.");
        }

        if (!data.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCommerceEventException("The CloudEvent has no data.value object: the Commerce entity is missing.");
        }

        return new CommerceEnvelope(id, type, source, time, value);
    }

    private static string RequiredAttribute(JsonElement root, string name) =>
        OptionalAttribute(root, name) ?? throw new InvalidCommerceEventException($"The message is not a CloudEvent: attribute '{name}' is missing.");

    private static string? OptionalAttribute(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
