namespace OrderSync.Walmart;

/// <summary>One kind of Orders call: its HTTP shape, the rate-limit bucket it draws from, and how a merchant names it.</summary>
internal sealed class WalmartOperation
{
    public static readonly WalmartOperation GetOrder = new("get-order", HttpMethod.Get, "", RateLimitedEndpoint.GetOrder, "order lookup", "Walmart returned the order.");
    public static readonly WalmartOperation ListOrders = new("list-orders", HttpMethod.Get, "", RateLimitedEndpoint.GetOrder, "order search", "Walmart returned the orders.");
    public static readonly WalmartOperation Ship = new("ship", HttpMethod.Post, "/shipping", RateLimitedEndpoint.Shipping, "shipment", "Walmart accepted the shipment.");
    public static readonly WalmartOperation UpdateTracking = new("update-tracking", HttpMethod.Post, "/shipping", RateLimitedEndpoint.Shipping, "tracking update", "Walmart accepted the tracking update.");
    public static readonly WalmartOperation Cancel = new("cancel", HttpMethod.Post, "/cancel", RateLimitedEndpoint.Cancel, "cancellation", "Walmart accepted the cancellation.");
    public static readonly WalmartOperation Acknowledge = new("acknowledge", HttpMethod.Post, "/acknowledge", RateLimitedEndpoint.Acknowledge, "acknowledgement", "Walmart acknowledged the order.");

    private WalmartOperation(string name, HttpMethod method, string pathSuffix, RateLimitedEndpoint endpoint, string noun, string successMessage)
    {
        Name = name;
        Method = method;
        PathSuffix = pathSuffix;
        Endpoint = endpoint;
        Noun = noun;
        SuccessMessage = successMessage;
    }

    public string Name { get; }

    public HttpMethod Method { get; }

    public string PathSuffix { get; }

    public RateLimitedEndpoint Endpoint { get; }

    /// <summary>What a merchant calls it: "Walmart refused the {Noun}: ...".</summary>
    public string Noun { get; }

    public string SuccessMessage { get; }

    public string RelativePath(string purchaseOrderId) => $"v3/orders/{Uri.EscapeDataString(purchaseOrderId)}{PathSuffix}";

    public override string ToString() => Name;
}
