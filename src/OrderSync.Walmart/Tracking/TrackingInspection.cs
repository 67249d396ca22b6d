namespace OrderSync.Walmart.Tracking;

/// <summary>
/// Every tracking rule the client applies before calling Walmart, in one place: what goes into trackingInfo, whether
/// Walmart would refuse it, and whether Walmart will likely count it as valid tracking.
/// </summary>
internal static class TrackingInspection
{
    public static TrackingCheck Inspect(TrackingDetails tracking, WalmartCarrier named, CarrierFormats formats)
    {
        var typed = (tracking.TrackingNumber ?? string.Empty).Trim();
        var number = TrackingNumbers.Normalise(typed);
        var url = string.IsNullOrWhiteSpace(tracking.TrackingUrl) ? null : tracking.TrackingUrl.Trim();

        var carrier = named;
        var recognised = false;
        if (named.IsOther && formats.CarriersIssuing(number) is [var issuer])
        {
            // A custom carrier's number only one Walmart carrier issues counts as valid tracking only under that carrier's name.
            carrier = new WalmartCarrier(issuer, null);
            recognised = true;
        }

        TrackingCheck Verdict(TrackingVerdict verdict, string sent, string? message = null) => new()
        {
            Carrier = carrier,
            TrackingNumber = sent,
            TrackingUrl = url,
            Verdict = verdict,
            Message = message,
            CarrierRecognised = recognised,
        };

        var refusals = Refusals(carrier, number, url);
        if (refusals.Count > 0)
        {
            return Verdict(TrackingVerdict.Refused, typed, refusals[0].Description) with { Refusals = refusals };
        }

        if (carrier.IsOther)
        {
            return Verdict(TrackingVerdict.Unrecognised, typed,
                $"Carrier '{carrier.OtherCarrier}' is not one of Walmart's carriers, so Walmart cannot check tracking number '{typed}' and may count it as invalid tracking.");
        }

        var walmartCarrier = carrier.Carrier!;
        if (formats.For(walmartCarrier) is not { Formats.Count: > 0 } forms)
        {
            return Verdict(TrackingVerdict.Unchecked, typed);
        }

        // Only a number that fits its carrier's form is rewritten; any other goes as the merchant typed it.
        return forms.BestFit(number) switch
        {
            FormatFit.Full => Verdict(TrackingVerdict.Valid, number),
            FormatFit.FormOnly => Verdict(TrackingVerdict.Unrecognised, typed,
                $"{walmartCarrier} tracking number '{typed}' is in a form {walmartCarrier} uses but its check digit is wrong, so it is likely mistyped; Walmart may count it as invalid tracking."),
            _ => Verdict(TrackingVerdict.Unrecognised, typed, NotInForm(walmartCarrier, forms.LooksLike, typed, formats.CarriersIssuing(number))),
        };
    }

    private static List<WalmartError> Refusals(WalmartCarrier carrier, string number, string? url)
    {
        var refusals = new List<WalmartError>();
        if (number.Length == 0)
        {
            refusals.Add(new WalmartError("TRACKING_NUMBER_REQUIRED", "trackingNumber", "Walmart needs a tracking number on every shipment; add one in Commerce."));
        }

        if (carrier.IsOther && url is null)
        {
            refusals.Add(new WalmartError("TRACKING_URL_REQUIRED", "trackingURL",
                $"Carrier '{carrier.OtherCarrier}' is not one Walmart knows, so Walmart needs a tracking URL for it; add the track URL in Commerce."));
        }

        if (url is not null && !IsWebAddress(url))
        {
            refusals.Add(new WalmartError("TRACKING_URL_INVALID", "trackingURL",
                $"Track URL '{url}' is not a web address (http or https) Walmart can link the customer to; correct the track URL in Commerce."));
        }

        return refusals;
    }

    private static string NotInForm(string carrier, string looksLike, string typed, IReadOnlyList<string> issuers)
    {
        var alike = issuers is [var other] ? $" but in one {other} uses" : string.Empty;
        return $"{carrier} tracking number '{typed}' is not in a form {carrier} uses ({looksLike}){alike}; Walmart may count it as invalid tracking.";
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
