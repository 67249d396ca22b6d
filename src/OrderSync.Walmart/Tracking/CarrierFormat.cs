using System.Text.RegularExpressions;

namespace OrderSync.Walmart.Tracking;

/// <summary>One form of a Walmart carrier's tracking numbers, as carrier-formats.json describes it.</summary>
internal sealed record CarrierFormat(string Carrier, string Name, Regex Pattern, string? CheckDigit, string CheckPrefix, bool Distinctive, string Example)
{
    private const string CheckedGroup = "checked";

    /// <param name="number">Normalised: letters and digits only, upper case.</param>
    public FormatFit Fit(string number)
    {
        var match = Pattern.Match(number);
        if (!match.Success)
        {
            return FormatFit.None;
        }

        if (CheckDigit is null)
        {
            return FormatFit.Full;
        }

        var checkedGroup = match.Groups[CheckedGroup];
        var checkedCharacters = checkedGroup.Success ? checkedGroup.Value : number;
        return CheckDigits.Holds(CheckDigit, CheckPrefix + checkedCharacters) ? FormatFit.Full : FormatFit.FormOnly;
    }
}

internal enum FormatFit
{
    None,

    /// <summary>In the format's form, but its check digit is wrong.</summary>
    FormOnly,

    Full,
}
