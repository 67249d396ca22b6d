using Microsoft.Extensions.Options;
using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.Walmart.Sandbox.Seeding;

public sealed class SeedOrderConverter(IOptions<SandboxOptions> options, TimeProvider timeProvider)
{
    public (List<SandboxOrder> Orders, List<string> Errors) Convert(IEnumerable<SeedOrder> seeds)
    {
        var orders = new List<SandboxOrder>();
        var errors = new List<string>();
        foreach (var seed in seeds)
        {
            var problems = Check(seed);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(problem => $"Order {seed.PurchaseOrderId ?? "(no purchaseOrderId)"}: {problem}"));
                continue;
            }

            orders.Add(ToOrder(seed));
        }

        return (orders, errors);
    }

    private List<string> Check(SeedOrder seed)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(seed.PurchaseOrderId))
        {
            problems.Add("purchaseOrderId is required");
        }

        if (string.IsNullOrWhiteSpace(seed.Seller) || !options.Value.Sellers.ContainsKey(seed.Seller))
        {
            problems.Add($"seller '{seed.Seller}' is not one of Sandbox:Sellers ({string.Join(", ", options.Value.Sellers.Keys)})");
        }

        if (seed.MethodCode is not null && !WalmartVocabulary.MethodCodes.Contains(seed.MethodCode))
        {
            problems.Add($"methodCode '{seed.MethodCode}' is not a Walmart method code");
        }

        var lines = seed.Lines ?? [];
        if (lines.Count == 0)
        {
            problems.Add("lines must list at least one line");
        }

        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.LineNumber) || string.IsNullOrWhiteSpace(line.Sku) || line.Quantity < 1)
            {
                problems.Add("every line needs lineNumber, sku and a quantity of at least 1");
            }

            if (line.Status is not null && !LineStatuses.All.Contains(line.Status))
            {
                problems.Add($"line {line.LineNumber}: status '{line.Status}' is not one of {string.Join(", ", LineStatuses.All)}");
            }
        }

        if (lines.GroupBy(line => line.LineNumber).Any(group => group.Count() > 1))
        {
            problems.Add("line numbers must be unique");
        }

        return problems.Distinct().ToList();
    }

    private SandboxOrder ToOrder(SeedOrder seed)
    {
        var now = timeProvider.GetUtcNow();
        var orderDate = seed.OrderDate ?? now;
        var methodCode = seed.MethodCode ?? "Standard";
        return new SandboxOrder
        {
            Seller = seed.Seller!,
            PurchaseOrderId = seed.PurchaseOrderId!,
            CustomerOrderId = seed.CustomerOrderId ?? seed.PurchaseOrderId!,
            MethodCode = methodCode,
            OrderDate = orderDate,
            EstimatedShipDate = seed.EstimatedShipDate,
            Lines = seed.Lines!.Select(line =>
            {
                var status = line.Status ?? LineStatuses.Acknowledged;
                var tracking = status is LineStatuses.Shipped or LineStatuses.Delivered
                    ? new SandboxTracking(orderDate.ToUnixTimeMilliseconds(), "UPS", null, methodCode, line.TrackingNumber ?? $"1ZSEED{line.LineNumber}", null)
                    : null;
                var reason = status == LineStatuses.Cancelled ? "SELLER_CANCEL_OUT_OF_STOCK" : null;
                return new SandboxOrderLine
                {
                    LineNumber = line.LineNumber!,
                    Sku = line.Sku!,
                    ProductName = line.ProductName ?? line.Sku!,
                    Quantity = line.Quantity,
                    Statuses = [new SandboxLineStatus(status, line.Quantity, tracking, reason)],
                    StatusDate = orderDate,

                    // Its tracking can be corrected for the window from now, as if it had just shipped.
                    FirstShippedAt = tracking is null ? null : now,
                };
            }).ToList(),
        };
    }
}
