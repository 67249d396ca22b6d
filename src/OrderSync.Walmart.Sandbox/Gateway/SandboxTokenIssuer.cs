using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>Issues opaque access tokens for known sellers and tells whether a token is still valid.</summary>
public sealed class SandboxTokenIssuer(IOptions<SandboxOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, IssuedToken> tokens = new(StringComparer.Ordinal);

    public string? FindSeller(string clientId, string clientSecret) =>
        options.Value.Sellers
            .Where(seller => FixedTimeEquals(seller.Value.ClientId, clientId) && FixedTimeEquals(seller.Value.ClientSecret, clientSecret))
            .Select(seller => seller.Key)
            .FirstOrDefault();

    public (string AccessToken, TimeSpan Lifetime) Issue(string seller)
    {
        var lifetime = options.Value.TokenLifetime;
        var accessToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        tokens[accessToken] = new IssuedToken(seller, timeProvider.GetUtcNow() + lifetime);
        return (accessToken, lifetime);
    }

    /// <summary>The seller the token was issued to, or null when it is unknown or expired.</summary>
    public string? Validate(string? accessToken) =>
        accessToken is not null && tokens.TryGetValue(accessToken, out var issued) && timeProvider.GetUtcNow() < issued.ExpiresAt
            ? issued.Seller
            : null;

    public void Clear() => tokens.Clear();

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
}
