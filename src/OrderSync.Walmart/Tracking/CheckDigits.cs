namespace OrderSync.Walmart.Tracking;

/// <summary>
/// The check-digit algorithms carrier-formats.json names. Each takes the checked characters, the check digit last, and
/// says whether that digit is the one the others give. Which carrier uses which is data, not code.
/// </summary>
internal static class CheckDigits
{
    /// <summary>UPS's modified mod 10: a letter counts as (its code - 3) mod 10, every second character twice. OnTrac's too.</summary>
    public const string UpsMod10 = "ups-mod10";

    /// <summary>GS1's mod 10 (USPS Publication 199, FedEx Ground): weights 3 and 1 alternate leftwards from the last data digit.</summary>
    public const string Gs1Mod10 = "gs1-mod10";

    /// <summary>FedEx Express: weights 1, 3, 7 leftwards from the last data digit, the sum mod 11, then mod 10.</summary>
    public const string FedExMod11 = "fedex-mod11";

    /// <summary>UPU standard S10: weights 8, 6, 4, 2, 3, 5, 9, 7 over the eight serial digits, 11 less the sum mod 11 (10 is 0, 11 is 5).</summary>
    public const string S10Upu = "s10-upu";

    /// <summary>DHL Express: the data digits, read as one number, mod 7.</summary>
    public const string Mod7 = "mod7";

    private static readonly int[] FedExWeights = [1, 3, 7];
    private static readonly int[] S10Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    public static bool IsKnown(string algorithm) => algorithm is UpsMod10 or Gs1Mod10 or FedExMod11 or S10Upu or Mod7;

    public static bool Holds(string algorithm, string checkedCharacters)
    {
        if (checkedCharacters.Length < 2 || !char.IsAsciiDigit(checkedCharacters[^1]))
        {
            return false;
        }

        var data = checkedCharacters.AsSpan(0, checkedCharacters.Length - 1);
        var checkDigit = checkedCharacters[^1] - '0';
        int? expected = algorithm switch
        {
            UpsMod10 => UpsStyle(data),
            Gs1Mod10 => Gs1(data),
            FedExMod11 => FedEx(data),
            S10Upu => S10(data),
            Mod7 => Modulo7(data),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "No such check-digit algorithm."),
        };
        return expected == checkDigit;
    }

    private static int? UpsStyle(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            int value;
            if (char.IsAsciiDigit(data[i]))
            {
                value = data[i] - '0';
            }
            else if (char.IsAsciiLetterUpper(data[i]))
            {
                value = (data[i] - 3) % 10;
            }
            else
            {
                return null;
            }

            sum += i % 2 == 1 ? value * 2 : value;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static int? Gs1(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var fromRight = 0; fromRight < data.Length; fromRight++)
        {
            var digit = Digit(data[data.Length - 1 - fromRight]);
            if (digit is null)
            {
                return null;
            }

            sum += digit.Value * (fromRight % 2 == 0 ? 3 : 1);
        }

        return (10 - (sum % 10)) % 10;
    }

    private static int? FedEx(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var fromRight = 0; fromRight < data.Length; fromRight++)
        {
            var digit = Digit(data[data.Length - 1 - fromRight]);
            if (digit is null)
            {
                return null;
            }

            sum += digit.Value * FedExWeights[fromRight % FedExWeights.Length];
        }

        return sum % 11 % 10;
    }

    private static int? S10(ReadOnlySpan<char> data)
    {
        if (data.Length != S10Weights.Length)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var digit = Digit(data[i]);
            if (digit is null)
            {
                return null;
            }

            sum += digit.Value * S10Weights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 0,
            11 => 5,
            var check => check,
        };
    }

    private static int? Modulo7(ReadOnlySpan<char> data)
    {
        var remainder = 0;
        foreach (var character in data)
        {
            var digit = Digit(character);
            if (digit is null)
            {
                return null;
            }

            remainder = ((remainder * 10) + digit.Value) % 7;
        }

        return remainder;
    }

    private static int? Digit(char character) => char.IsAsciiDigit(character) ? character - '0' : null;
}
