namespace OrderSync.Walmart;

/// <summary>Either a token to call with, or the failed token request whose answer the caller gets instead.</summary>
internal sealed record AccessTokenResult(string? AccessToken, TokenFailure? Failure)
{
    public static AccessTokenResult Issued(string accessToken) => new(accessToken, null);

    public static AccessTokenResult Failed(TokenFailure failure) => new(null, failure);
}
