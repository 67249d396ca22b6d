using System.Globalization;
using System.Text.Json;

namespace OrderSync.Worker.Inbound;

/// <summary>Reads fields of a Commerce entity (<c>data.value</c>), where ids may be strings or numbers, naming the field when one is wrong.</summary>
public readonly struct CommercePayload(JsonElement element, string path)
{
    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new InvalidCommerceEventException($"Field {path}.{name} is missing.");

    public string? OptionalString(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text.Trim() : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidCommerceEventException($"Field {path}.{name} must be a string, not a JSON {value.ValueKind.ToString().ToLowerInvariant()}."),
        };
    }

    /// <summary>A quantity such as "2.0000": Walmart ships whole units, so it must be a whole number above zero.</summary>
    public int RequiredQuantity(string name)
    {
        var text = RequiredString(name);
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}', which is not a number.");
        }

        if (quantity <= 0 || quantity != decimal.Truncate(quantity) || quantity > int.MaxValue)
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; it must be a whole number above zero.");
        }

        return (int)quantity;
    }

    /// <summary>A count such as "0.0000" or "2.0000"; zero when the field is absent.</summary>
    public int OptionalWholeQuantity(string name)
    {
        if (OptionalString(name) is not { } text)
        {
            return 0;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}', which is not a number.");
        }

        if (quantity < 0 || quantity != decimal.Truncate(quantity) || quantity > int.MaxValue)
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; it must be a whole number, zero or above.");
        }

        return (int)quantity;
    }

    /// <summary>Commerce's <c>YYYY-MM-DD HH:MM:SS</c>, in UTC.</summary>
    public DateTimeOffset RequiredTimestamp(string name)
    {
        var text = RequiredString(name);
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "o"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}', not a date like 2026-03-14 17:02:10.");
    }

    public IEnumerable<CommercePayload> Array(string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new InvalidCommerceEventException($"Field {path}.{name} is missing.") : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} must be an array.");
        }

        var itemPath = $"{path}.{name}";
        return value.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.Object
            ? new CommercePayload(item, $"{itemPath}[{index}]")
            : throw new InvalidCommerceEventException($"Field {itemPath}[{index}] must be an object."));
    }

    public CommercePayload? OptionalObject(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? new CommercePayload(value, $"{path}.{name}") : null;
}
