using Microsoft.Extensions.Options;
using OrderSync.Walmart;
using OrderSync.Walmart.Tracking;

namespace OrderSync.UnitTests.Walmart.Tracking;

/// <summary>What the client sends for a Commerce track, and the verdict it gives, carrier by carrier.</summary>
public sealed class TrackingCheckTests
{
    private static readonly WalmartCarrierMapper Mapper = new(Options.Create(new WalmartOptions()));

    [Theory]
    [InlineData("ups", null, "1Z999AA10123456784", "UPS", "1Z999AA10123456784")]
    [InlineData("ups", null, "1Z 999 AA1 0123 456 784", "UPS", "1Z999AA10123456784")]
    [InlineData("ups", null, "1z999aa10123456784", "UPS", "1Z999AA10123456784")]
    [InlineData("ups", null, "1Z4V8A270312345676", "UPS", "1Z4V8A270312345676")]
    [InlineData("usps", null, "9400 1118 9922 3855 1234 50", "USPS", "9400111899223855123450")]
    [InlineData("usps", null, "9405-5106-9930-0185-1624-77", "USPS", "9405510699300185162477")]
    [InlineData("usps", null, "93612898787003176337987655", "USPS", "93612898787003176337987655")]
    [InlineData("usps", null, "7016 0910 0001 2345 6782", "USPS", "70160910000123456782")]
    [InlineData("usps", null, "ea 123 456 785 us", "USPS", "EA123456785US")]
    [InlineData("fedex", null, "7712 3456 7890", "FedEx", "771234567890")]
    [InlineData("fedex", null, "612345012340", "FedEx", "612345012340")]
    [InlineData("fedex", null, "5682 8361 0012 994", "FedEx", "568283610012994")]
    [InlineData("fedex", null, "9622001000007766325170", "FedEx", "9622001000007766325170")]
    [InlineData("custom", "FedEx SmartPost", "61290987654321012340", "FEDEXSP", "61290987654321012340")]
    [InlineData("custom", "FedEx SmartPost", "9261290102030405060709", "FEDEXSP", "9261290102030405060709")]
    [InlineData("custom", "UPS Mail Innovations", "9274 8999 0012 3456 7890 19", "UPSMI", "9274899900123456789019")]
    [InlineData("dhl", null, "30 2174 8656", "DHL", "3021748656")]
    [InlineData("custom", "DHL eCommerce", "GM6054123456789012", "DHL Ecommerce - US", "GM6054123456789012")]
    [InlineData("custom", "DHL eCommerce", "9374869900123456789011", "DHL Ecommerce - US", "9374869900123456789011")]
    [InlineData("ontrac", null, "D20049876123457", "OnTrac", "D20049876123457")]
    [InlineData("ontrac", null, "c1234 5678 9012 36", "OnTrac", "C12345678901236")]
    [InlineData("lasership", null, "1LS712345678901", "LS", "1LS712345678901")]
    [InlineData("lasership", null, "LX-17635012", "LS", "LX17635012")]
    [InlineData("canada_post", null, "1023 4567 8901 2341", "Canada Post", "1023456789012341")]
    [InlineData("canada_post", null, "RR473124829CA", "Canada Post", "RR473124829CA")]
    [InlineData("custom", "Royal Mail", "tt 2025 0317 3 gb", "Royal Mail", "TT202503173GB")]
    [InlineData("custom", "China Post", "LP987654326CN", "China Post", "LP987654326CN")]
    [InlineData("custom", "Japan Post", "EJ733104529JP", "Japan Post", "EJ733104529JP")]
    [InlineData("custom", "India Post", "EM100000140IN", "India Post", "EM100000140IN")]
    [InlineData("custom", "Correos de Mexico", "CP111111115MX", "Correos de Mexico", "CP111111115MX")]
    [InlineData("custom", "Deutsche Post", "RR000000014DE", "Deutsche Post", "RR000000014DE")]
    [InlineData("custom", "PostNord Sweden", "UA123456785SE", "PostNord Sweden", "UA123456785SE")]
    [InlineData("custom", "YunExpress", "YT2503171234567890", "YunExpress", "YT2503171234567890")]
    [InlineData("custom", "Landmark Global", "LTN61234567N1", "Landmark Global", "LTN61234567N1")]
    public void A_number_in_its_carriers_form_is_valid_and_goes_normalised(string code, string? title, string typed, string carrier, string sent)
    {
        var check = Mapper.Check(new TrackingDetails(code, title, typed, null));

        check.Verdict.ShouldBe(TrackingVerdict.Valid);
        check.Carrier.ShouldBe(new WalmartCarrier(carrier, null));
        check.TrackingNumber.ShouldBe(sent);
        check.Message.ShouldBeNull();
        check.CarrierRecognised.ShouldBeFalse();
    }

    [Theory]
    [InlineData("ups", null, "1Z999AA10123456785")] // wrong check digit
    [InlineData("ups", null, "1Z999AA1012345678")] // one character short
    [InlineData("ups", null, "999AA10123456784")] // without 1Z
    [InlineData("usps", null, "9400111899223855123451")]
    [InlineData("usps", null, "940011189922385512345")]
    [InlineData("usps", null, "EA123456784US")]
    [InlineData("usps", null, "EA123456785GB")] // Royal Mail's, not USPS's
    [InlineData("fedex", null, "771234567891")]
    [InlineData("fedex", null, "77123456789")]
    [InlineData("fedex", null, "9612019123456712345679")]
    [InlineData("custom", "FedEx SmartPost", "61290987654321012341")]
    [InlineData("custom", "UPS Mail Innovations", "9274899900123456789010")]
    [InlineData("dhl", null, "1234567892")]
    [InlineData("dhl", null, "123456789")]
    [InlineData("custom", "DHL eCommerce", "GM123")]
    [InlineData("ontrac", null, "C12345678901237")]
    [InlineData("ontrac", null, "C1234567890123")]
    [InlineData("lasership", null, "LX1763501")]
    [InlineData("lasership", null, "2LS712345678901")]
    [InlineData("canada_post", null, "7001234567890128")]
    [InlineData("canada_post", null, "RR473124828CA")]
    [InlineData("custom", "Royal Mail", "TT202503174GB")]
    [InlineData("custom", "China Post", "LP987654325CN")]
    [InlineData("custom", "Japan Post", "EJ73310452JP")]
    [InlineData("custom", "India Post", "EM100000141IN")]
    [InlineData("custom", "Correos de Mexico", "CP111111116MX")]
    [InlineData("custom", "Deutsche Post", "RR000000015DE")]
    [InlineData("custom", "PostNord Sweden", "UA123456785SF")]
    [InlineData("custom", "YunExpress", "YT250317123456789")]
    [InlineData("custom", "Landmark Global", "LTN6123456N1")]
    public void A_number_in_no_form_of_its_carrier_is_unrecognised_and_goes_as_typed(string code, string? title, string typed)
    {
        var check = Mapper.Check(new TrackingDetails(code, title, typed, null));

        check.Verdict.ShouldBe(TrackingVerdict.Unrecognised);
        check.Carrier.IsOther.ShouldBeFalse();
        check.TrackingNumber.ShouldBe(typed);
        check.Message.ShouldNotBeNull().ShouldEndWith("Walmart may count it as invalid tracking.");
        check.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void The_warning_says_what_the_carriers_numbers_look_like()
    {
        var check = Mapper.Check(new TrackingDetails("ups", "United Parcel Service", "1Z123", null));

        check.Message.ShouldBe("UPS tracking number '1Z123' is not in a form UPS uses (1Z followed by 16 letters and digits); Walmart may count it as invalid tracking.");
    }

    [Fact]
    public void The_warning_names_the_carrier_whose_number_it_is()
    {
        var check = Mapper.Check(new TrackingDetails("ups", null, "7712 3456 7890", null));

        check.Carrier.ShouldBe(new WalmartCarrier("UPS", null));
        check.TrackingNumber.ShouldBe("7712 3456 7890");
        check.Message.ShouldBe("UPS tracking number '7712 3456 7890' is not in a form UPS uses (1Z followed by 16 letters and digits) but in one FedEx uses; Walmart may count it as invalid tracking.");
    }

    [Fact]
    public void The_warning_says_when_only_the_check_digit_is_wrong()
    {
        var check = Mapper.Check(new TrackingDetails("ups", null, " 1Z 999 AA1 0123 456 785 ", null));

        check.TrackingNumber.ShouldBe("1Z 999 AA1 0123 456 785");
        check.Message.ShouldBe("UPS tracking number '1Z 999 AA1 0123 456 785' is in a form UPS uses but its check digit is wrong, so it is likely mistyped; Walmart may count it as invalid tracking.");
    }

    [Fact]
    public void A_fedex_number_sent_with_a_custom_carrier_is_recognised_and_goes_as_fedex()
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Speedy", "7712-3456-7890", null));

        check.Carrier.ShouldBe(new WalmartCarrier("FedEx", null));
        check.TrackingNumber.ShouldBe("771234567890");
        check.Verdict.ShouldBe(TrackingVerdict.Valid);
        check.CarrierRecognised.ShouldBeTrue();
        Mapper.Map(new TrackingDetails("custom", "Speedy", "7712-3456-7890", null)).ShouldBe(new WalmartCarrier("FedEx", null));
    }

    [Theory]
    [InlineData("1Z999AA10123456784", "UPS")]
    [InlineData("9400111899223855123450", "USPS")] // IMpb: also UPSMI's, FEDEXSP's and DHL eCommerce's, but USPS delivers them all
    [InlineData("EA123456785US", "USPS")]
    [InlineData("RR473124829CA", "Canada Post")]
    [InlineData("C12345678901236", "OnTrac")]
    [InlineData("1LS712345678901", "LS")]
    [InlineData("GM6054123456789012", "DHL Ecommerce - US")]
    public void A_custom_carriers_number_that_only_one_walmart_carrier_issues_goes_as_that_carrier(string number, string carrier)
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Acme Couriers", number, null));

        check.Carrier.ShouldBe(new WalmartCarrier(carrier, null));
        check.Verdict.ShouldBe(TrackingVerdict.Valid);
        check.CarrierRecognised.ShouldBeTrue();
    }

    [Theory]
    [InlineData("1234567891")] // DHL Express's form, but a check digit of 1 in 7 is too weak to claim it
    [InlineData("70160910000123456782")] // a 20-digit USPS number, a form others use too
    [InlineData("7001234567890127")] // Canada Post's 16 digits, likewise
    [InlineData("771234567891")] // FedEx's form with a wrong check digit
    [InlineData("AC-55120934")]
    public void A_custom_carriers_number_no_single_walmart_carrier_claims_stays_other_carrier(string number)
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Acme Couriers", number, "https://track.acme.example/" + number));

        check.Carrier.ShouldBe(new WalmartCarrier(null, "Acme Couriers"));
        check.TrackingNumber.ShouldBe(number);
        check.Verdict.ShouldBe(TrackingVerdict.Unrecognised);
        check.CarrierRecognised.ShouldBeFalse();
        check.Message.ShouldBe($"Carrier 'Acme Couriers' is not one of Walmart's carriers, so Walmart cannot check tracking number '{number}' and may count it as invalid tracking.");
    }

    [Fact]
    public void A_number_two_walmart_carriers_claim_stays_other_carrier()
    {
        const string Formats = """
            {"carriers":[
              {"carrier":"UPS","looksLike":"X","formats":[{"name":"A","pattern":"^Q[0-9]{4}$","distinctive":true,"example":"Q1234","source":"test"}]},
              {"carrier":"FedEx","looksLike":"X","formats":[{"name":"B","pattern":"^Q[0-9]{3,5}$","distinctive":true,"example":"Q1234","source":"test"}]}
            ]}
            """;
        var formats = CarrierFormats.Parse(Formats, WalmartCarrierMapper.KnownWalmartCarriers);

        var check = TrackingInspection.Inspect(new TrackingDetails("custom", "Speedy", "Q1234", "https://speedy.example/Q1234"), new WalmartCarrier(null, "Speedy"), formats);

        formats.CarriersIssuing("Q1234").ShouldBe(["FedEx", "UPS"]);
        check.Carrier.ShouldBe(new WalmartCarrier(null, "Speedy"));
        check.Verdict.ShouldBe(TrackingVerdict.Unrecognised);
    }

    [Fact]
    public void A_recognised_carrier_needs_no_tracking_url()
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Speedy", "771234567890", null));

        check.Verdict.ShouldBe(TrackingVerdict.Valid);
        check.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void A_walmart_carrier_whose_forms_are_not_listed_goes_unchecked_as_typed()
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Estes Express", " 1234-567890 ", null));

        check.Carrier.ShouldBe(new WalmartCarrier("Estes Express", null));
        check.Verdict.ShouldBe(TrackingVerdict.Unchecked);
        check.TrackingNumber.ShouldBe("1234-567890");
        check.Message.ShouldBeNull();
    }

    [Theory]
    [InlineData("ups", "not a url")]
    [InlineData("ups", "www.ups.com/track?tracknum=1Z999AA10123456784")]
    [InlineData("ups", "ftp://ups.com/1Z999AA10123456784")]
    [InlineData("ups", "javascript:alert(1)")]
    [InlineData("custom", "/track/1Z999AA10123456784")]
    public void A_tracking_url_that_is_not_a_web_address_is_refused(string code, string url)
    {
        var check = Mapper.Check(new TrackingDetails(code, "Acme Couriers", "1Z999AA10123456784", url));

        check.Verdict.ShouldBe(TrackingVerdict.Refused);
        check.Refusals.ShouldHaveSingleItem().ShouldBe(new WalmartError("TRACKING_URL_INVALID", "trackingURL",
            $"Track URL '{url}' is not a web address (http or https) Walmart can link the customer to; correct the track URL in Commerce."));
        check.Message.ShouldBe(check.Refusals[0].Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - / . ")]
    public void A_number_without_letters_or_digits_is_refused(string typed)
    {
        var check = Mapper.Check(new TrackingDetails("ups", null, typed, "https://www.ups.com/track"));

        check.Verdict.ShouldBe(TrackingVerdict.Refused);
        check.Refusals.ShouldHaveSingleItem().Code.ShouldBe("TRACKING_NUMBER_REQUIRED");
    }

    [Fact]
    public void An_unknown_carrier_without_a_url_is_refused_and_every_reason_is_given()
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Acme Couriers", "  ", null));

        check.Verdict.ShouldBe(TrackingVerdict.Refused);
        check.Refusals.Select(error => error.Code).ShouldBe(["TRACKING_NUMBER_REQUIRED", "TRACKING_URL_REQUIRED"]);
        check.Message.ShouldBe("Walmart needs a tracking number on every shipment; add one in Commerce.");
    }

    [Fact]
    public void A_web_address_is_sent_trimmed()
    {
        var check = Mapper.Check(new TrackingDetails("custom", "Acme Couriers", "AC-1", "  https://track.acme.example/AC-1 "));

        check.TrackingUrl.ShouldBe("https://track.acme.example/AC-1");
        check.Verdict.ShouldBe(TrackingVerdict.Unrecognised);
    }
}
