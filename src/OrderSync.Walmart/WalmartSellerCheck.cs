using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

/// <summary>Whether each configured seller can get a token: what readiness reports per store.</summary>
public sealed class WalmartSellerCheck
{
    private readonly WalmartTokenCache _tokens;
    private readonly IOptions<WalmartOptions> _options;

    internal WalmartSellerCheck(WalmartTokenCache tokens, IOptions<WalmartOptions> options)
    {
        _tokens = tokens;
        _options = options;
    }

    /// <returns>Per store code: null when a token is obtainable (cached or fresh), else why not, in a merchant's words.</returns>
    public async Task<IReadOnlyDictionary<string, string?>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var results = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (store, seller) in _options.Value.Sellers)
        {
            var token = await _tokens.GetTokenAsync(store, seller, rejectedToken: null, cancellationToken);
            results[store] = token.AccessToken is null ? token.Failure?.Message ?? "No token." : null;
        }

        return results;
    }
}
