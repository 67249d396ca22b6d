namespace OrderSync.Ingress.Signatures;

public enum SignatureVerdict
{
    Authentic,
    NoSignature,
    KeyPathRefused,
    NotAuthentic,
}
