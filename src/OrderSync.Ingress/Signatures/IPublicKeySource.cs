namespace OrderSync.Ingress.Signatures;

/// <summary>Adobe's public keys by path, as SubjectPublicKeyInfo bytes; null for a key the key domain does not have.</summary>
public interface IPublicKeySource
{
    /// <exception cref="KeyDomainUnavailableException">The key domain could not be asked: the delivery may be good, so Adobe should retry.</exception>
    Task<byte[]?> Find(string path, CancellationToken cancellationToken);
}
