using Microsoft.Extensions.Options;
using OrderSync.Walmart;
using OrderSync.Walmart.Tracking;

namespace OrderSync.UnitTests.Walmart.Tracking;

/// <summary>carrier-formats.json: it loads, each format's own example fits it, and a bad edit fails with its name.</summary>
public sealed class CarrierFormatsTests
{
    private static readonly WalmartCarrierMapper Mapper = new(Options.Create(new WalmartOptions()));

    public static TheoryData<string, string> Examples()
    {
        var examples = new TheoryData<string, string>();
        foreach (var format in CarrierFormats.BuiltIn.Carriers.SelectMany(set => set.Formats))
        {
            examples.Add(format.Carrier, format.Example);
        }

        return examples;
    }

    public static TheoryData<string, string> DistinctiveExamples()
    {
        var examples = new TheoryData<string, string>();
        foreach (var format in CarrierFormats.BuiltIn.Carriers.SelectMany(set => set.Formats).Where(format => format.Distinctive))
        {
            examples.Add(format.Carrier, format.Example);
        }

        return examples;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_formats_example_is_valid_tracking_for_its_carrier(string carrier, string example)
    {
        var check = Mapper.Check(new TrackingDetails(carrier, null, example, null));

        check.Carrier.ShouldBe(new WalmartCarrier(carrier, null));
        check.Verdict.ShouldBe(TrackingVerdict.Valid);
        check.TrackingNumber.ShouldBe(example);
    }

    [Theory]
    [MemberData(nameof(DistinctiveExamples))]
    public void Each_distinctive_formats_example_names_its_carrier_alone(string carrier, string example)
    {
        CarrierFormats.BuiltIn.CarriersIssuing(example).ShouldBe([carrier]);
    }

    [Fact]
    public void The_formats_cover_the_common_carriers()
    {
        CarrierFormats.BuiltIn.Carriers.Select(set => set.Carrier).ShouldBe(
            [
                "UPS", "USPS", "FedEx", "FEDEXSP", "UPSMI", "DHL", "DHL Ecommerce - US", "OnTrac", "LS", "Canada Post", "Royal Mail",
                "China Post", "Japan Post", "India Post", "Correos de Mexico", "Deutsche Post", "PostNord Sweden", "YunExpress",
                "Landmark Global",
            ],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"carriers":[{"carrier":"Amazon","looksLike":"TBA and 12 digits","formats":[]}]}""", "'Amazon' is not one of Walmart's carrier names")]
    [InlineData("""{"carriers":[{"carrier":"UPS","looksLike":"x","formats":[{"name":"1Z","pattern":"1Z[0-9A-Z]{16}","example":"x","source":"x"}]}]}""", "must start with ^ and end with $")]
    [InlineData("""{"carriers":[{"carrier":"UPS","looksLike":"x","formats":[{"name":"1Z","pattern":"^1Z[0-9A-Z]{16}$","checkDigit":"luhn","example":"x","source":"x"}]}]}""", "names check digit 'luhn'")]
    [InlineData("""{"carriers":[{"carrier":"UPS","looksLike":"x","formats":[{"name":"1Z","pattern":"^(?=1Z)[0-9A-Z]{18}$","example":"x","source":"x"}]}]}""", "'UPS / 1Z' is not a usable regular expression")]
    [InlineData("""{"carriers":[{"carrier":"UPS","looksLike":"x","formats":[{"name":"1Z","pattern":"^1Z[0-9A-Z]{16}$","example":"x"}]}]}""", "needs a name, an example and a source")]
    public void A_bad_edit_of_the_formats_fails_naming_what_is_wrong(string json, string fault)
    {
        Should.Throw<InvalidOperationException>(() => CarrierFormats.Parse(json, WalmartCarrierMapper.KnownWalmartCarriers))
            .Message.ShouldContain(fault);
    }
}
