namespace OrderSync.Walmart.Tracking;

/// <param name="LooksLike">The carrier's forms in a few words, for the merchant: "1Z followed by 16 letters and digits".</param>
internal sealed record CarrierFormatSet(string Carrier, string LooksLike, IReadOnlyList<CarrierFormat> Formats)
{
    public FormatFit BestFit(string number) => Formats.Count == 0 ? FormatFit.None : Formats.Max(format => format.Fit(number));
}
