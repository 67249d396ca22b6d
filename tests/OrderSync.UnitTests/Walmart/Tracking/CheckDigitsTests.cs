using OrderSync.Walmart.Tracking;

namespace OrderSync.UnitTests.Walmart.Tracking;

/// <summary>Each algorithm against published examples where there are some, then a wrong digit and the edge rules.</summary>
public sealed class CheckDigitsTests
{
    [Theory]
    [InlineData("999AA10123456784", true)] // UPS's own sample, 1Z999AA10123456784, without its 1Z
    [InlineData("4V8A270312345676", true)]
    [InlineData("999AA10123456785", false)]
    [InlineData("999AA1012345678A", false)] // a letter where the check digit goes
    [InlineData("C12345678901236", true)] // OnTrac counts its leading letter, C as 4
    [InlineData("D20049876123457", true)]
    [InlineData("C12345678901237", false)]
    public void Ups_mod10(string characters, bool holds) => CheckDigits.Holds(CheckDigits.UpsMod10, characters).ShouldBe(holds);

    [Theory]
    [InlineData("9400111899223855123450", true)]
    [InlineData("9405510699300185162477", true)]
    [InlineData("93612898787003176337987655", true)]
    [InlineData("9400111899223855123451", false)]
    [InlineData("041441760123450", true)] // FedEx Ground
    [InlineData("7001234567890127", true)] // Canada Post
    [InlineData("94001118992238551234X0", false)] // only digits count
    public void Gs1_mod10(string digits, bool holds) => CheckDigits.Holds(CheckDigits.Gs1Mod10, digits).ShouldBe(holds);

    [Theory]
    [InlineData("9261290987654321012340", true)] // FedEx SmartPost's 20 digits, checked with their 92
    [InlineData("9171969010123456789019", true)] // USPS's 20 digits printed without their 91
    [InlineData("9161290987654321012340", false)]
    public void Gs1_mod10_counts_a_prefix_written_in_front(string digits, bool holds) =>
        CheckDigits.Holds(CheckDigits.Gs1Mod10, digits).ShouldBe(holds);

    [Theory]
    [InlineData("012345678983", true)] // FedEx's worked example: sum 179, 179 mod 11 = 3
    [InlineData("123456789012", true)]
    [InlineData("771234567890", true)]
    [InlineData("100000000070", true)] // sum mod 11 is 10, which counts as 0
    [InlineData("012345678984", false)]
    public void FedEx_mod11(string digits, bool holds) => CheckDigits.Holds(CheckDigits.FedExMod11, digits).ShouldBe(holds);

    [Theory]
    [InlineData("473124829", true)] // the UPU S10 standard's example: 47312482, S = 200, check digit 11 - 2 = 9
    [InlineData("123456785", true)]
    [InlineData("100000140", true)] // S = 45, 11 - (45 mod 11) = 10, which counts as 0
    [InlineData("111111115", true)] // S = 44, 11 - 0 = 11, which counts as 5
    [InlineData("473124828", false)]
    [InlineData("47312482", false)] // the serial is 8 digits, the check digit the 9th
    public void S10_upu(string digits, bool holds) => CheckDigits.Holds(CheckDigits.S10Upu, digits).ShouldBe(holds);

    [Theory]
    [InlineData("1234567891", true)] // 123456789 mod 7 = 1
    [InlineData("3021748656", true)]
    [InlineData("5379218460", true)]
    [InlineData("1234567892", false)]
    public void Mod7(string digits, bool holds) => CheckDigits.Holds(CheckDigits.Mod7, digits).ShouldBe(holds);
}
