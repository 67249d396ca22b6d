namespace OrderSync.Worker.Hosting;

/// <summary>Section "ConnectionStrings" of the README's configuration table.</summary>
public sealed class ConnectionStringsOptions
{
    public const string Section = "ConnectionStrings";

    public string? RabbitMq { get; set; }

    public string? Postgres { get; set; }

    public Uri RabbitMqUri => new(RabbitMq!);
}
