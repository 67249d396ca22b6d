using System.Net.Security;
using System.Security.Authentication;
using MassTransit;
using OrderSync.Contracts.Configuration;
using RabbitMQ.Client;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Every connection the worker opens to RabbitMQ, MassTransit's and its own, is made here: over amqps with the broker's
/// certificate validated (chain and name, <see cref="CertificateTrust"/>), never with a policy error allowed.
/// </summary>
public static class BrokerConnections
{
    public static ConnectionFactory Factory(ConnectionStringsOptions connections, RabbitMqTlsOptions tls, string name)
    {
        var factory = new ConnectionFactory { Uri = connections.RabbitMqUri, ClientProvidedName = name };
        if (connections.RabbitMqUri.Scheme == "amqps")
        {
            factory.Ssl = new SslOption
            {
                Enabled = true,
                ServerName = tls.ServerName ?? connections.RabbitMqUri.Host,
                AcceptablePolicyErrors = SslPolicyErrors.None,
                CertificateValidationCallback = CertificateTrust.Validator(tls.CaFile),
                Certs = CertificateTrust.ClientCertificate(tls.ClientCertificateFile, tls.ClientKeyFile) is { } client ? [client] : null,
                Version = SslProtocols.None,
            };
        }

        return factory;
    }

    public static void Configure(IRabbitMqHostConfigurator host, ConnectionStringsOptions connections, RabbitMqTlsOptions tls)
    {
        if (connections.RabbitMqUri.Scheme != "amqps")
        {
            return;
        }

        host.UseSsl(ssl =>
        {
            ssl.ServerName = tls.ServerName ?? connections.RabbitMqUri.Host;
            ssl.Protocol = SslProtocols.None;
            ssl.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable);
            ssl.CertificateValidationCallback = CertificateTrust.Validator(tls.CaFile);
            if (CertificateTrust.ClientCertificate(tls.ClientCertificateFile, tls.ClientKeyFile) is { } client)
            {
                ssl.Certificate = client;
            }
        });
    }
}
