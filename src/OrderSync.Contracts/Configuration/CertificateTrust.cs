using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrderSync.Contracts.Configuration;

/// <summary>
/// How a TLS peer is trusted: its certificate must chain to the given CA file (or to the system's roots without one) and carry
/// the expected name. No policy error is ever tolerated, unlike MassTransit's default, which accepts a broken chain.
/// </summary>
public static class CertificateTrust
{
    public static RemoteCertificateValidationCallback Validator(string? caFile)
    {
        if (string.IsNullOrWhiteSpace(caFile))
        {
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return (_, certificate, _, errors) =>
        {
            // The name and the presence of a certificate are the platform's checks; only the chain is rebuilt, against the CA file.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }

    /// <summary>A client certificate and its private key, both PEM files; null when no certificate is set.</summary>
    public static X509Certificate2? ClientCertificate(string? certificateFile, string? keyFile) =>
        string.IsNullOrWhiteSpace(certificateFile) ? null : X509Certificate2.CreateFromPemFile(certificateFile, string.IsNullOrWhiteSpace(keyFile) ? null : keyFile);
}
