namespace OrderSync.Ingress.Hosting;

/// <summary>Section "Health": where /health/live, /health/ready and /metrics answer, apart from the internet-facing webhook.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    public string Urls { get; set; } = "http://127.0.0.1:8091";
}
