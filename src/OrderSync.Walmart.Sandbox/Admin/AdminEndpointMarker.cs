namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>Endpoint metadata of the admin API, which <see cref="AdminAccessMiddleware"/> guards.</summary>
public sealed class AdminEndpointMarker
{
    public static readonly AdminEndpointMarker Instance = new();

    private AdminEndpointMarker()
    {
    }
}
