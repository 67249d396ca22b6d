using System.Security.Cryptography;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>An RSA key pair the test makes, in the part of Adobe I/O Events: it signs deliveries, its public half goes on a key server.</summary>
public sealed class AdobeSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public AdobeSigningKey(string? path = null) => Path = path ?? $"/prod/keys/pub-key-{Guid.NewGuid()}.pem";

    /// <summary>Where the key server has it, as Adobe's x-adobe-public-key*-path headers name it.</summary>
    public string Path { get; }

    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public string Sign(byte[] body) => Convert.ToBase64String(_rsa.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _rsa.Dispose();
}
