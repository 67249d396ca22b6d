using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace OrderSync.Ingress.Signatures;

/// <summary>
/// Adobe I/O Events' digital signatures: up to two base64 RSA-SHA256 (PKCS#1 v1.5) signatures of the raw body, each with the
/// path of the public key that checks it. The delivery is authentic when either verifies (keys rotate one at a time).
/// </summary>
public sealed class AdobeSignatures(IPublicKeySource keys)
{
    public static readonly (string Signature, string KeyPath)[] Headers =
    [
        ("x-adobe-digital-signature-1", "x-adobe-public-key1-path"),
        ("x-adobe-digital-signature-2", "x-adobe-public-key2-path"),
    ];

    public async Task<SignatureVerdict> Verify(IHeaderDictionary headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var pairs = Headers
            .Select(pair => (Signature: (string?)headers[pair.Signature], KeyPath: (string?)headers[pair.KeyPath]))
            .Where(pair => !string.IsNullOrEmpty(pair.Signature) || !string.IsNullOrEmpty(pair.KeyPath))
            .ToList();
        if (pairs.Count == 0)
        {
            return SignatureVerdict.NoSignature;
        }

        // A path that could lead anywhere but the key domain condemns the whole delivery, even beside a good pair.
        if (pairs.Any(pair => !AdobeKeyPath.IsPlainRelativePath(pair.KeyPath)))
        {
            return SignatureVerdict.KeyPathRefused;
        }

        foreach (var (signature, keyPath) in pairs)
        {
            if (!TryDecode(signature, out var signatureBytes) || await keys.Find(keyPath!, cancellationToken) is not { } key)
            {
                continue;
            }

            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key, out _);
            if (rsa.VerifyData(body.Span, signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return SignatureVerdict.Authentic;
            }
        }

        return SignatureVerdict.NotAuthentic;
    }

    private static bool TryDecode(string? signature, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(signature) || signature.Length > 2048)
        {
            return false;
        }

        var buffer = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
