using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OrderSync.Ingress.Hosting;

namespace OrderSync.Ingress.Signatures;

/// <summary>Fetches Adobe's PEM public keys from the configured key domain and keeps each by its file name for a day.</summary>
public sealed partial class AdobePublicKeys(HttpClient http, IOptions<IngressOptions> options, TimeProvider clock, ILogger<AdobePublicKeys> logger) : IPublicKeySource
{
    public const string HttpClientName = "adobe-public-keys";

    private readonly ConcurrentDictionary<string, CachedKey> _byFileName = new(StringComparer.Ordinal);

    public async Task<byte[]?> Find(string path, CancellationToken cancellationToken)
    {
        if (!AdobeKeyPath.IsPlainRelativePath(path))
        {
            throw new ArgumentException("Not a plain relative key path.", nameof(path));
        }

        var fileName = AdobeKeyPath.FileName(path);
        var now = clock.GetUtcNow();
        if (_byFileName.TryGetValue(fileName, out var cached) && cached.ExpiresAt > now)
        {
            return cached.SubjectPublicKeyInfo;
        }

        var url = AdobeKeyPath.On(options.Value.PublicKeyBaseUrl, path);
        string pem;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone)
            {
                LogUnknownKey(logger, fileName, (int)response.StatusCode);
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new KeyDomainUnavailableException($"The key domain answered {(int)response.StatusCode} for {fileName}.");
            }

            pem = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new KeyDomainUnavailableException($"The key domain could not be reached for {fileName}.", exception);
        }

        byte[] key;
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            key = rsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            LogUnreadableKey(logger, fileName);
            return null;
        }

        _byFileName[fileName] = new CachedKey(key, now + options.Value.PublicKeyCacheDuration);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key domain has no public key {KeyFile} (HTTP {Status})")]
    private static partial void LogUnknownKey(ILogger logger, string keyFile, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key domain's {KeyFile} is not an RSA public key in PEM")]
    private static partial void LogUnreadableKey(ILogger logger, string keyFile);

    private sealed record CachedKey(byte[] SubjectPublicKeyInfo, DateTimeOffset ExpiresAt);
}
