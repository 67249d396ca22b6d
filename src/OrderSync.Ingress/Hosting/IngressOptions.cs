namespace OrderSync.Ingress.Hosting;

/// <summary>Section "Ingress" of the README's ingress configuration table (contract section 5).</summary>
public sealed class IngressOptions
{
    public const string Section = "Ingress";

    /// <summary>Adobe's key domain, as its signature guide names it.</summary>
    public static readonly Uri AdobeKeyDomain = new("https://static.adobeioevents.com");

    /// <summary>Where Adobe delivers: one URL or several separated by ';'.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8090";

    /// <summary>The <c>recipient_client_id</c> each event must carry: the client id of the Adobe Developer Console project.</summary>
    public string? ClientId { get; set; }

    public Uri PublicKeyBaseUrl { get; set; } = AdobeKeyDomain;

    /// <summary>Contract 1.4: the largest event the worker reads. A delivery larger than this is refused before it is read.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deliveries a client address may make per minute; more are answered 429.</summary>
    public int PermitsPerMinute { get; set; } = 1200;

    /// <summary>How long a delivery waits for the broker's confirms before it is answered 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a fetched public key is kept, by its file name (Adobe's own library keeps it a day).</summary>
    public TimeSpan PublicKeyCacheDuration { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> UrlList => Split(Urls);

    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
