using Microsoft.Extensions.Options;
using OrderSync.Walmart;

namespace OrderSync.UnitTests.Walmart;

public sealed class WalmartCarrierMapperTests
{
    [Theory]
    [InlineData("ups", "United Parcel Service", "UPS")]
    [InlineData("usps", "United States Postal Service", "USPS")]
    [InlineData("fedex", "Federal Express", "FedEx")]
    [InlineData("dhl", "DHL", "DHL")]
    [InlineData("ontrac", null, "OnTrac")]
    [InlineData("lasership", null, "LS")]
    [InlineData("UPS", null, "UPS")]
    [InlineData("custom", "OnTrac", "OnTrac")]
    [InlineData("custom", "Canada Post", "Canada Post")]
    [InlineData("canada_post", null, "Canada Post")]
    [InlineData("custom", "FedEx SmartPost", "FEDEXSP")]
    [InlineData("custom", "dhl ecommerce", "DHL Ecommerce - US")]
    [InlineData("custom", "Better Trucks", "Better Trucks")]
    public void Commerce_carriers_map_to_walmart_carrier_names(string code, string? title, string walmartCarrier)
    {
        Mapper().Map(new TrackingDetails(code, title, "T1", null)).ShouldBe(new WalmartCarrier(walmartCarrier, null));
    }

    [Fact]
    public void An_unknown_carrier_goes_as_other_carrier_under_its_title()
    {
        Mapper().Map(new TrackingDetails("custom", "Acme Couriers", "AC-1", "https://acme.example/AC-1"))
            .ShouldBe(new WalmartCarrier(null, "Acme Couriers"));
    }

    [Fact]
    public void An_unknown_carrier_without_a_title_goes_as_other_carrier_under_its_code()
    {
        Mapper().Map(new TrackingDetails("acmeexpress", null, "AC-1", "https://acme.example/AC-1"))
            .ShouldBe(new WalmartCarrier(null, "acmeexpress"));
    }

    [Fact]
    public void Configured_carriers_win_over_the_built_in_mapping_and_match_case_insensitively()
    {
        var mapper = Mapper(new Dictionary<string, string>
        {
            ["ACME Couriers"] = "Acme Newly Listed",
            ["fedex"] = "FDX",
        });

        mapper.Map(new TrackingDetails("custom", "Acme couriers", "AC-1", null)).ShouldBe(new WalmartCarrier("Acme Newly Listed", null));
        mapper.Map(new TrackingDetails("fedex", "Federal Express", "F-1", null)).ShouldBe(new WalmartCarrier("FDX", null));
    }

    private static WalmartCarrierMapper Mapper(Dictionary<string, string>? carriers = null)
    {
        var options = new WalmartOptions();
        foreach (var (key, value) in carriers ?? [])
        {
            options.Carriers[key] = value;
        }

        return new WalmartCarrierMapper(Options.Create(options));
    }
}
