using System.Globalization;

namespace OrderSync.Walmart.Sandbox.Seeding;

/// <summary>Random orders shaped like Walmart's: each unit of an item is a line of quantity 1.</summary>
public static class SandboxOrderGenerator
{
    private static readonly string[] Skus =
    [
        "WM-MUG-BLU", "WM-TEE-L", "WM-CAP-RED", "WM-LAMP-GRN", "WM-SOCK-BLK", "WM-BOTTLE-SS", "WM-PEN-BLU", "WM-BAG-TOTE",
    ];

    private static readonly string[] MethodCodes = ["Standard", "Standard", "Standard", "Express", "Value"];

    public static List<SeedOrder> Generate(int count, IReadOnlyList<string> sellers, int seed, Func<string, bool> isTaken)
    {
        var random = new Random(seed);
        var orders = new List<SeedOrder>(count);
        while (orders.Count < count)
        {
            var purchaseOrderId = random.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
            if (isTaken(purchaseOrderId) || orders.Any(order => order.PurchaseOrderId == purchaseOrderId))
            {
                continue;
            }

            var lines = new List<SeedLine>();
            foreach (var sku in Skus.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                var units = random.Next(1, 4);
                for (var unit = 0; unit < units; unit++)
                {
                    lines.Add(new SeedLine((lines.Count + 1).ToString(CultureInfo.InvariantCulture), sku, 1, "Acknowledged", null, null));
                }
            }

            orders.Add(new SeedOrder(
                sellers[random.Next(sellers.Count)],
                purchaseOrderId,
                random.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
                MethodCodes[random.Next(MethodCodes.Length)],
                null,
                lines));
        }

        return orders;
    }
}
