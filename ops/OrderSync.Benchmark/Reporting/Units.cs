namespace OrderSync.Benchmark.Reporting;

public static class Units
{
    /// <summary>A fraction as a percentage without the invariant culture's space: 0.253 → "25.3%".</summary>
    public static string Percent(double fraction, int decimals) =>
        (fraction * 100).ToString(decimals == 0 ? "N0" : "N" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>MiB (what /proc reports, in KiB) to decimal megabytes, the unit of the target.</summary>
    public static double Megabytes(double mebibytes) => mebibytes * 1024 * 1024 / 1_000_000;
}
