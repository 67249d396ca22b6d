using System.Text.RegularExpressions;

namespace OrderSync.Ingress.Signatures;

/// <summary>
/// A public key's path as Adobe sends it (<c>/prod/keys/pub-key-&lt;uuid&gt;.pem</c>): plain segments of letters, digits, '.', '-'
/// and '_', ending in a .pem file. Anything else (a URL, a host, "..", an escape, a query) could point elsewhere and is refused.
/// </summary>
public static partial class AdobeKeyPath
{
    public static bool IsPlainRelativePath(string? path) =>
        path is { Length: <= 256 } && PlainPath().IsMatch(path) && !path.Split('/').Any(segment => segment is "." or "..");

    /// <summary>The name the key is cached by, as Adobe's library does: key files are named by a uuid and never change.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The key's URL on the configured key domain: its path appended, never a host of the request's.</summary>
    public static Uri On(Uri baseUrl, string path) => new(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path, UriKind.Absolute);

    [GeneratedRegex(@"^(/[A-Za-z0-9._-]+)+\.pem$")]
    private static partial Regex PlainPath();
}
