using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

/// <summary>Whether each configured seller has a token: what readiness reports per store.</summary>
public sealed class WalmartSellerCheck
{
    private readonly WalmartTokenCache _tokens;
    private readonly IOptions<WalmartOptions> _options;

    internal WalmartSellerCheck(WalmartTokenCache tokens, IOptions<WalmartOptions> options)
    {
        _tokens = tokens;
        _options = options;
    }

    /// <summary>
    /// A cached token, or the remembered failure while its retry time has not come, answers without asking Walmart: however
    /// often readiness is probed, a seller's token is asked for at most once per <see cref="TokenRetryBackoff"/> wait.
    /// </summary>
    public async Task<IReadOnlyList<SellerTokenStatus>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<SellerTokenStatus>();
        foreach (var (store, seller) in _options.Value.Sellers)
        {
            var token = await _tokens.GetTokenAsync(store, seller, rejectedToken: null, TokenAsker.Readiness, cancellationToken);
            statuses.Add(new SellerTokenStatus(store, token.Failure?.Problem, token.Failure?.Answer.HttpStatus));
        }

        return statuses;
    }
}
