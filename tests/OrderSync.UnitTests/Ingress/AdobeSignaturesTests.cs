using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using OrderSync.Ingress.Signatures;

namespace OrderSync.UnitTests.Ingress;

public sealed class AdobeSignaturesTests : IDisposable
{
    private static readonly byte[] Body = """{"id":"e1","type":"t","recipient_client_id":"c"}"""u8.ToArray();

    private readonly RSA _current = RSA.Create(2048);
    private readonly RSA _next = RSA.Create(2048);
    private readonly KeysByPath _keys = new();

    public AdobeSignaturesTests()
    {
        _keys.Add("/prod/keys/current.pem", _current);
        _keys.Add("/prod/keys/next.pem", _next);
    }

    [Fact]
    public async Task Either_signature_verifying_with_its_key_makes_the_delivery_authentic()
    {
        var headers = Headers(("garbage", "/prod/keys/current.pem"), (Sign(_next), "/prod/keys/next.pem"));

        (await new AdobeSignatures(_keys).Verify(headers, Body, CancellationToken.None)).ShouldBe(SignatureVerdict.Authentic);
    }

    [Fact]
    public async Task A_signature_checked_with_another_pairs_key_or_of_other_bytes_does_not()
    {
        var crossed = Headers((Sign(_next), "/prod/keys/current.pem"));
        var unknownKey = Headers((Sign(_current), "/prod/keys/missing.pem"));

        var signatures = new AdobeSignatures(_keys);
        (await signatures.Verify(crossed, Body, CancellationToken.None)).ShouldBe(SignatureVerdict.NotAuthentic);
        (await signatures.Verify(unknownKey, Body, CancellationToken.None)).ShouldBe(SignatureVerdict.NotAuthentic);
        (await signatures.Verify(Headers((Sign(_current), "/prod/keys/current.pem")), Body.Append((byte)' ').ToArray(), CancellationToken.None))
            .ShouldBe(SignatureVerdict.NotAuthentic);
    }

    [Fact]
    public async Task A_bad_key_path_refuses_the_delivery_even_beside_a_good_pair_and_no_key_is_looked_up()
    {
        var headers = Headers((Sign(_current), "/prod/keys/current.pem"), (Sign(_next), "https://evil.example/next.pem"));

        (await new AdobeSignatures(_keys).Verify(headers, Body, CancellationToken.None)).ShouldBe(SignatureVerdict.KeyPathRefused);
        _keys.Asked.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_signature_header_is_unsigned()
    {
        (await new AdobeSignatures(_keys).Verify(new HeaderDictionary(), Body, CancellationToken.None)).ShouldBe(SignatureVerdict.NoSignature);
    }

    public void Dispose()
    {
        _current.Dispose();
        _next.Dispose();
    }

    private static HeaderDictionary Headers(params (string Signature, string KeyPath)[] pairs)
    {
        var headers = new HeaderDictionary();
        for (var i = 0; i < pairs.Length; i++)
        {
            headers[AdobeSignatures.Headers[i].Signature] = pairs[i].Signature;
            headers[AdobeSignatures.Headers[i].KeyPath] = pairs[i].KeyPath;
        }

        return headers;
    }

    private static string Sign(RSA key) => Convert.ToBase64String(key.SignData(Body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>A key domain in memory: the HTTP one is tested against a key server on loopback (integration tests).</summary>
    private sealed class KeysByPath : IPublicKeySource
    {
        private readonly Dictionary<string, byte[]> _keys = [];

        public List<string> Asked { get; } = [];

        public void Add(string path, RSA key) => _keys[path] = key.ExportSubjectPublicKeyInfo();

        public Task<byte[]?> Find(string path, CancellationToken cancellationToken)
        {
            Asked.Add(path);
            return Task.FromResult(_keys.GetValueOrDefault(path));
        }
    }
}
