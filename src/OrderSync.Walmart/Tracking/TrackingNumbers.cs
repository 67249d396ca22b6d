namespace OrderSync.Walmart.Tracking;

internal static class TrackingNumbers
{
    /// <summary>
    /// The number as carriers print and Walmart compares it: letters and digits only (spaces, dashes, dots and any other
    /// separator dropped), upper case.
    /// </summary>
    public static string Normalise(string typed)
    {
        var kept = typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return new string(kept);
    }
}
