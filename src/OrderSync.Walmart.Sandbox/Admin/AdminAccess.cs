using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>
/// Who may use /admin: any caller on this host's loopback (the tests, ops scripts, a container's own health check); from
/// another address only with Sandbox:AdminToken as a bearer token, and nobody while no token is configured.
/// </summary>
public static class AdminAccess
{
    public static AdminAccessDecision Decide(IPAddress? remoteAddress, string? authorization, string? adminToken)
    {
        if (remoteAddress is not null && IPAddress.IsLoopback(remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress))
        {
            return AdminAccessDecision.Allowed;
        }

        if (string.IsNullOrWhiteSpace(adminToken))
        {
            return AdminAccessDecision.Off;
        }

        return BearerToken(authorization) is { } presented && SameSecret(presented, adminToken)
            ? AdminAccessDecision.Allowed
            : AdminAccessDecision.Unauthorized;
    }

    private static string? BearerToken(string? authorization) =>
        AuthenticationHeaderValue.TryParse(authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(header.Parameter)
            ? header.Parameter
            : null;

    // Hashing first makes the comparison take the same time whatever the lengths.
    private static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
