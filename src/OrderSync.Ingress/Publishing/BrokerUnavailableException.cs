namespace OrderSync.Ingress.Publishing;

/// <summary>The broker did not confirm every event: the delivery is answered 5xx and Adobe delivers it again.</summary>
public sealed class BrokerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
