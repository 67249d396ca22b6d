using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OrderSync.Worker.OperatorPage;

/// <summary>Whether a request carries the action token as <c>Authorization: Bearer</c>, compared in constant time.</summary>
public static class BearerToken
{
    public static bool Carries(HttpRequest request, string? token)
    {
        if (token is null)
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
