namespace OrderSync.Ingress.Signatures;

public sealed class KeyDomainUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
