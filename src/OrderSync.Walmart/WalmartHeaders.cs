namespace OrderSync.Walmart;

internal static class WalmartHeaders
{
    public const string AccessToken = "WM_SEC.ACCESS_TOKEN";
    public const string CorrelationId = "WM_QOS.CORRELATION_ID";
    public const string ServiceName = "WM_SVC.NAME";
    public const string CurrentTokenCount = "x-current-token-count";
    public const string NextReplenishTime = "x-next-replenish-time";
    public const string NextReplenishmentTime = "x-next-replenishment-time";
}
