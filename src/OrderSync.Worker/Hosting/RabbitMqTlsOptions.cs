namespace OrderSync.Worker.Hosting;

/// <summary>Section "RabbitMq": how an amqps connection trusts the broker and, optionally, proves who the worker is.</summary>
public sealed class RabbitMqTlsOptions
{
    public const string Section = "RabbitMq";

    /// <summary>PEM file of the CA(s) the broker's certificate must chain to; without it, the system's trusted roots.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM file of a client certificate, for a broker that asks for one (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    /// <summary>The name the broker's certificate must carry, when it is not the URI's host (connecting by address, say).</summary>
    public string? ServerName { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(CaFile) || !string.IsNullOrWhiteSpace(ClientCertificateFile) || !string.IsNullOrWhiteSpace(ServerName);
}
