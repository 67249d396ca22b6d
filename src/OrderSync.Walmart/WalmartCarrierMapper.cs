using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Tracking;

namespace OrderSync.Walmart;

/// <summary>
/// Turns Commerce's carrier code and title into Walmart's carrier name. Names are compared on
/// letters and digits only, case-insensitively, so "canada_post", "Canada Post" and "canadapost"
/// all find "Canada Post". Configured entries win over the built-in ones, and a code wins over a title.
/// Anything unknown goes to Walmart as otherCarrier, unless its number is one only a Walmart carrier issues
/// (<see cref="Check"/>).
/// </summary>
public sealed class WalmartCarrierMapper
{
    /// <summary>Walmart's accepted carrier names, spelled exactly as Walmart wants them (US Orders API, shipping).</summary>
    public static readonly IReadOnlyList<string> KnownWalmartCarriers =
    [
        "UPS", "USPS", "FedEx", "Airborne", "OnTrac", "DHL Ecommerce - US", "DHL", "LS", "UDS", "UPSMI", "FDX",
        "PILOT", "ESTES", "SAIA", "FDS Express", "Seko Worldwide", "HIT Delivery", "FEDEXSP", "RL Carriers",
        "Metropolitan Warehouse & Delivery", "China Post", "YunExpress", "Yellow Freight Sys", "AIT Worldwide Logistics",
        "Chukou1", "Sendle", "Landmark Global", "Sunyou", "Yanwen", "4PX", "GLS", "OSM Worldwide", "FIRST MILE",
        "AM Trucking", "CEVA", "India Post", "SF Express", "CNE", "TForce Freight", "AxleHire", "LSO", "Royal Mail",
        "ABF Freight System", "WanB", "Roadrunner Freight", "Meyer Distribution", "AAA Cooper", "Canada Post",
        "Southeastern Freight Lines", "Japan Post", "Correos de Mexico", "XPO Logistics", "JD Logistics", "YDH", "JCEX",
        "Flyt", "Deutsche Post", "Better Trucks", "Asendia", "SFC", "UBI", "ePost Global", "YF Logistics", "RXO",
        "Estes Express", "Shypmax", "WIN.IT America", "PITT OHIO", "PostNord Sweden", "Equick", "Whistl", "Tusou",
        "Shiprocket", "DTDC", "PTS",
    ];

    /// <summary>Commerce codes and common titles whose letters do not spell a Walmart name.</summary>
    private static readonly IReadOnlyDictionary<string, string> BuiltInAliases = new Dictionary<string, string>
    {
        ["lasership"] = "LS",
        ["unitedparcelservice"] = "UPS",
        ["unitedstatespostalservice"] = "USPS",
        ["federalexpress"] = "FedEx",
        ["fedexsmartpost"] = "FEDEXSP",
        ["smartpost"] = "FEDEXSP",
        ["upsmailinnovations"] = "UPSMI",
        ["dhlecommerce"] = "DHL Ecommerce - US",
        ["dhlexpress"] = "DHL",
        ["uniteddeliveryservice"] = "UDS",
        ["pilotfreightservices"] = "PILOT",
        ["saiafreight"] = "SAIA",
        ["rlcarrier"] = "RL Carriers",
        ["tforce"] = "TForce Freight",
        ["xpo"] = "XPO Logistics",
        ["abf"] = "ABF Freight System",
        ["lonestarovernight"] = "LSO",
        ["cevalogistics"] = "CEVA",
    };

    private static readonly FrozenDictionary<string, string> BuiltIn = BuildBuiltIn();

    private readonly FrozenDictionary<string, string> configured;

    public WalmartCarrierMapper(IOptions<WalmartOptions> options)
    {
        configured = options.Value.Carriers
            .Where(entry => Normalize(entry.Key).Length > 0 && !string.IsNullOrWhiteSpace(entry.Value))
            .GroupBy(entry => Normalize(entry.Key))
            .ToFrozenDictionary(group => group.Key, group => group.Last().Value.Trim());
    }

    /// <summary>What the client sends for this track (carrier, number, URL) and how Walmart will likely take it.</summary>
    public TrackingCheck Check(TrackingDetails tracking) => TrackingInspection.Inspect(tracking, MapName(tracking), CarrierFormats.BuiltIn);

    /// <summary>The carrier the client sends for this track: <see cref="Check"/>'s carrier.</summary>
    public WalmartCarrier Map(TrackingDetails tracking) => Check(tracking).Carrier;

    private WalmartCarrier MapName(TrackingDetails tracking)
    {
        var code = Normalize(tracking.CarrierCode);
        var title = Normalize(tracking.CarrierTitle);

        var walmartName = Find(configured, code) ?? Find(configured, title) ?? Find(BuiltIn, code) ?? Find(BuiltIn, title);
        if (walmartName is not null)
        {
            return new WalmartCarrier(walmartName, null);
        }

        var otherName = string.IsNullOrWhiteSpace(tracking.CarrierTitle) ? tracking.CarrierCode : tracking.CarrierTitle;
        return new WalmartCarrier(null, otherName.Trim());
    }

    private static string? Find(FrozenDictionary<string, string> names, string key) =>
        key.Length > 0 && names.TryGetValue(key, out var name) ? name : null;

    private static string Normalize(string? name) =>
        name is null ? string.Empty : new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static FrozenDictionary<string, string> BuildBuiltIn()
    {
        var names = new Dictionary<string, string>();
        foreach (var carrier in KnownWalmartCarriers)
        {
            names.TryAdd(Normalize(carrier), carrier);
        }

        foreach (var (alias, carrier) in BuiltInAliases)
        {
            names[Normalize(alias)] = carrier;
        }

        return names.ToFrozenDictionary();
    }
}
