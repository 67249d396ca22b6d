namespace OrderSync.Contracts.Configuration;

/// <summary>
/// The interface's rule for remote endpoints (docs/interface.md, section 4): encrypted, except on a loopback address, where the
/// sandbox and test servers run. Any project that takes a URL from its settings (the worker, the ingress) asks here.
/// </summary>
public static class RemoteEndpoints
{
    /// <summary>The loopback names the interface allows in clear, exactly: 127.0.0.1, localhost and [::1].</summary>
    public static bool IsLoopback(string host) =>
        host.Trim('[', ']').ToLowerInvariant() is "127.0.0.1" or "localhost" or "::1";

    /// <summary>
    /// Why <paramref name="url"/> may not be used for the setting <paramref name="key"/> (as an operator writes it, such as
    /// <c>Walmart__BaseUrl</c>), or null when it may: an absolute https URL, or http to a loopback address.
    /// </summary>
    public static string? HttpsProblem(string key, Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"{key} must be an absolute https URL";
        }

        return url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url.Host)
            ? $"{key} must be https: plain http is allowed only on a loopback address (127.0.0.1, localhost, [::1]), not {url.Host}"
            : null;
    }
}
