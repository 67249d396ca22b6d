using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderSync.Ingress.Hosting;
using OrderSync.Ingress.Signatures;
using OrderSync.UnitTests.Walmart;

namespace OrderSync.UnitTests.Ingress;

/// <summary>The key cache with a key domain in memory; the ingress against a key server on loopback is in the integration tests.</summary>
public sealed class AdobePublicKeysTests : IDisposable
{
    private static readonly Uri KeyDomain = new("https://static.adobeioevents.com");

    private readonly RSA _key = RSA.Create(2048);
    private readonly KeyDomainHandler _domain = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;
    private readonly AdobePublicKeys _keys;

    public AdobePublicKeysTests()
    {
        _http = new HttpClient(_domain);
        _keys = new AdobePublicKeys(_http, Options.Create(new IngressOptions { ClientId = "c" }), _clock, NullLogger<AdobePublicKeys>.Instance);
        _domain.Pems["/prod/keys/a.pem"] = _key.ExportSubjectPublicKeyInfoPem();
    }

    [Fact]
    public async Task A_key_is_fetched_from_the_key_domain_once_and_again_after_a_day()
    {
        (await _keys.Find("/prod/keys/a.pem", CancellationToken.None)).ShouldBe(_key.ExportSubjectPublicKeyInfo());
        _clock.Advance(TimeSpan.FromHours(23));
        (await _keys.Find("/prod/keys/a.pem", CancellationToken.None)).ShouldNotBeNull();
        _domain.Asked.ShouldBe([new Uri(KeyDomain, "/prod/keys/a.pem")]);

        _clock.Advance(TimeSpan.FromHours(2));
        (await _keys.Find("/prod/keys/a.pem", CancellationToken.None)).ShouldNotBeNull();
        _domain.Asked.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_the_domain_does_not_have_is_unknown_and_asked_for_again_next_time()
    {
        (await _keys.Find("/prod/keys/missing.pem", CancellationToken.None)).ShouldBeNull();
        (await _keys.Find("/prod/keys/missing.pem", CancellationToken.None)).ShouldBeNull();

        _domain.Asked.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_domain_that_fails_or_redirects_is_not_taken_for_an_answer()
    {
        _domain.Status = HttpStatusCode.BadGateway;
        await Should.ThrowAsync<KeyDomainUnavailableException>(() => _keys.Find("/prod/keys/a.pem", CancellationToken.None));

        _domain.Status = HttpStatusCode.Found;
        await Should.ThrowAsync<KeyDomainUnavailableException>(() => _keys.Find("/prod/keys/a.pem", CancellationToken.None));
    }

    [Fact]
    public async Task A_path_that_is_not_plain_is_never_fetched() =>
        await Should.ThrowAsync<ArgumentException>(() => _keys.Find("//evil.example/a.pem", CancellationToken.None));

    public void Dispose()
    {
        _http.Dispose();
        _domain.Dispose();
        _key.Dispose();
    }

    private sealed class KeyDomainHandler : HttpMessageHandler
    {
        public Dictionary<string, string> Pems { get; } = [];

        public List<Uri> Asked { get; } = [];

        public HttpStatusCode? Status { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.Add(request.RequestUri!);
            if (Status is { } status)
            {
                return Task.FromResult(new HttpResponseMessage(status));
            }

            return Task.FromResult(Pems.TryGetValue(request.RequestUri!.AbsolutePath, out var pem) && request.RequestUri.Host == KeyDomain.Host
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
