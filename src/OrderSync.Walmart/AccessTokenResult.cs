namespace OrderSync.Walmart;

/// <summary>Either a token to call with, or the answer to give the caller instead.</summary>
internal sealed record AccessTokenResult(string? AccessToken, WalmartResponse<WalmartOrder>? Failure)
{
    public static AccessTokenResult Issued(string accessToken) => new(accessToken, null);

    public static AccessTokenResult Failed(WalmartResponse<WalmartOrder> failure) => new(null, failure);
}
