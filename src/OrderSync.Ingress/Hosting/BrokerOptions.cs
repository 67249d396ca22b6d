namespace OrderSync.Ingress.Hosting;

/// <summary>Section "ConnectionStrings": the ingress needs RabbitMQ alone.</summary>
public sealed class BrokerOptions
{
    public const string Section = "ConnectionStrings";

    public string? RabbitMq { get; set; }

    public Uri RabbitMqUri => new(RabbitMq!);
}
