using System.Globalization;
using System.Text.Json;

namespace OrderSync.Worker.Inbound;

/// <summary>Reads fields of a Commerce entity (<c>data.value</c>), where ids may be strings or numbers, naming the field when one is wrong.</summary>
public readonly struct CommercePayload(JsonElement element, string path)
{
    /// <summary>More entries than any Walmart order has lines: an event this long is not an order's.</summary>
    public const int MaxEntries = 1000;

    /// <summary>Units of one item a single event may ask for; beyond it a sum could overflow, and no order holds that many.</summary>
    public const int MaxUnits = 10_000;

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new InvalidCommerceEventException($"Field {path}.{name} is missing.");

    /// <summary>A text field Walmart receives as it is: longer than <paramref name="maxLength"/>, Walmart would refuse it.</summary>
    public string RequiredString(string name, int maxLength) => Bounded(name, RequiredString(name), maxLength)!;

    public string? OptionalString(string name, int maxLength) => Bounded(name, OptionalString(name), maxLength);

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
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{InvalidCommerceEventException.Shown(text)}', which is not a number.");
        }

        if (quantity <= 0 || quantity != decimal.Truncate(quantity))
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; it must be a whole number above zero.");
        }

        return quantity <= MaxUnits
            ? (int)quantity
            : throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; an event may ask for at most {MaxUnits} units of one item.");
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
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{InvalidCommerceEventException.Shown(text)}', which is not a number.");
        }

        if (quantity < 0 || quantity != decimal.Truncate(quantity))
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; it must be a whole number, zero or above.");
        }

        return quantity <= MaxUnits
            ? (int)quantity
            : throw new InvalidCommerceEventException($"Field {path}.{name} is '{text}'; an event may count at most {MaxUnits} units of one item.");
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

        if (value.GetArrayLength() > MaxEntries)
        {
            throw new InvalidCommerceEventException($"Field {path}.{name} has {value.GetArrayLength()} entries; an event may carry at most {MaxEntries}.");
        }

        var itemPath = $"{path}.{name}";
        return value.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.Object
            ? new CommercePayload(item, $"{itemPath}[{index}]")
            : throw new InvalidCommerceEventException($"Field {itemPath}[{index}] must be an object."));
    }

    private string? Bounded(string name, string? value, int maxLength) => value is { Length: var length } && length > maxLength
        ? throw new InvalidCommerceEventException($"Field {path}.{name} is {length} characters long; Walmart takes at most {maxLength}.")
        : value;

    public CommercePayload? OptionalObject(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? new CommercePayload(value, $"{path}.{name}") : null;
}
