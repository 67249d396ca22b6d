using OrderSync.Contracts.Results;

namespace OrderSync.Cli.Orders;

/// <summary>The statuses an order can be listed in, as typed on the command line (any case, a dash or a space).</summary>
public static class OrderStatusNames
{
    public static IReadOnlyList<string> All => OrderStatuses.Listed;

    public static string? Find(string text) =>
        All.FirstOrDefault(status => string.Equals(Simple(status), Simple(text), StringComparison.OrdinalIgnoreCase));

    private static string Simple(string text) => text.Trim().Replace("-", " ", StringComparison.Ordinal).Replace("_", " ", StringComparison.Ordinal);
}
