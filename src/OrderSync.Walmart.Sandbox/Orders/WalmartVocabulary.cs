namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>
/// The values Walmart accepts: carrier names (exact spelling, US Orders API), method codes and
/// cancellation reasons. Kept apart from the client library on purpose: the sandbox stands for
/// Walmart and must not share the client's mistakes.
/// </summary>
public static class WalmartVocabulary
{
    public static readonly IReadOnlySet<string> Carriers = new HashSet<string>(StringComparer.Ordinal)
    {
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
    };

    public static readonly IReadOnlySet<string> MethodCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value",
    };

    public static readonly IReadOnlySet<string> CancellationReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
        "SELLER_CANCEL_PRICING_ERROR",
        "SELLER_CANCEL_OUT_OF_STOCK",
        "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
        "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
    };
}
