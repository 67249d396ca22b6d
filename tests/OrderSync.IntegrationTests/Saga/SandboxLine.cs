namespace OrderSync.IntegrationTests.Saga;

/// <summary>One line of an order as the sandbox holds it.</summary>
public sealed record SandboxLine(string LineNumber, string Sku, int Quantity, int Shipped, int Cancelled, IReadOnlyList<string> TrackingNumbers, IReadOnlyList<string> CancellationReasons)
{
    public int Open => Quantity - Shipped - Cancelled;
}
