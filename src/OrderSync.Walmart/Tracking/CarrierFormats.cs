using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderSync.Walmart.Tracking;

/// <summary>The tracking number forms of Walmart's carriers, read once from the embedded carrier-formats.json.</summary>
internal sealed class CarrierFormats
{
    private const string ResourceName = "OrderSync.Walmart.Tracking.carrier-formats.json";

    private static readonly Lazy<CarrierFormats> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, CarrierFormatSet> byCarrier;

    private CarrierFormats(IEnumerable<CarrierFormatSet> carriers)
    {
        byCarrier = carriers.ToFrozenDictionary(set => set.Carrier, StringComparer.OrdinalIgnoreCase);
    }

    public static CarrierFormats BuiltIn => Embedded.Value;

    public IEnumerable<CarrierFormatSet> Carriers => byCarrier.Values;

    public CarrierFormatSet? For(string walmartCarrier) => byCarrier.GetValueOrDefault(walmartCarrier);

    /// <summary>The carriers one of whose distinctive forms the number fits, check digit included.</summary>
    public IReadOnlyList<string> CarriersIssuing(string number) =>
    [
        .. byCarrier.Values
            .Where(set => set.Formats.Any(format => format.Distinctive && format.Fit(number) == FormatFit.Full))
            .Select(set => set.Carrier)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Reads and checks a formats document; a fault names the carrier and format, so that a bad edit fails the first test that loads it.</summary>
    public static CarrierFormats Parse(string json, IReadOnlyCollection<string> walmartCarriers)
    {
        var document = JsonSerializer.Deserialize(json, CarrierFormatsJsonContext.Default.CarrierFormatsDocument)
            ?? throw new InvalidOperationException("The carrier formats document is empty.");
        var sets = new List<CarrierFormatSet>();
        foreach (var entry in document.Carriers ?? [])
        {
            var carrier = entry.Carrier ?? string.Empty;
            if (!walmartCarriers.Contains(carrier))
            {
                throw new InvalidOperationException($"Carrier formats: '{carrier}' is not one of Walmart's carrier names.");
            }

            if (sets.Any(set => set.Carrier == carrier))
            {
                throw new InvalidOperationException($"Carrier formats: '{carrier}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(entry.LooksLike))
            {
                throw new InvalidOperationException($"Carrier formats: '{carrier}' has no looksLike.");
            }

            sets.Add(new CarrierFormatSet(carrier, entry.LooksLike, [.. (entry.Formats ?? []).Select(format => Read(carrier, format))]));
        }

        return new CarrierFormats(sets);
    }

    private static CarrierFormat Read(string carrier, CarrierFormatsDocument.FormatEntry entry)
    {
        var name = $"{carrier} / {entry.Name}";
        if (string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.Example) || string.IsNullOrWhiteSpace(entry.Source))
        {
            throw new InvalidOperationException($"Carrier formats: '{name}' needs a name, an example and a source.");
        }

        // Anchored both ends, so that a pattern matches the whole number, never a part of it.
        if (entry.Pattern is not { } pattern || !pattern.StartsWith('^') || !pattern.EndsWith('$'))
        {
            throw new InvalidOperationException($"Carrier formats: the pattern of '{name}' must start with ^ and end with $.");
        }

        if (entry.CheckDigit is { } algorithm && !CheckDigits.IsKnown(algorithm))
        {
            throw new InvalidOperationException($"Carrier formats: '{name}' names check digit '{algorithm}', which CheckDigits does not have.");
        }

        var prefix = entry.CheckPrefix ?? string.Empty;
        if (!prefix.All(char.IsAsciiDigit) || (prefix.Length > 0 && entry.CheckDigit is null))
        {
            throw new InvalidOperationException($"Carrier formats: the checkPrefix of '{name}' must be digits, and only with a checkDigit.");
        }

        Regex regex;
        try
        {
            // Linear time whatever the pattern or the number: the data cannot make a check slow.
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"Carrier formats: the pattern of '{name}' is not a usable regular expression: {exception.Message}", exception);
        }

        return new CarrierFormat(carrier, entry.Name, regex, entry.CheckDigit, prefix, entry.Distinctive, entry.Example);
    }

    private static CarrierFormats LoadEmbedded()
    {
        using var stream = typeof(CarrierFormats).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), WalmartCarrierMapper.KnownWalmartCarriers);
    }
}
