using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence.Orders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Orders;

/// <summary>The orders the worker holds, newest change first, then how many are in each status: Channel Manager's Orders page.</summary>
public sealed class ListOrdersCommand : AsyncCommand<ListOrdersCommand.Settings>
{
    public sealed class Settings : ConnectionSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("Only orders in this status: Shipped, \"Partially Shipped\", Canceled, Error, or Pending (nothing has reached Walmart yet).")]
        public string? Status { get; init; }

        [CommandOption("--store <CODE>")]
        [Description("Only orders of this Commerce store view.")]
        public string? Store { get; init; }

        [CommandOption("--since <DURATION>")]
        [Description("Only orders changed within DURATION: 30m, 2h, 7d.")]
        public string? Since { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most N orders (default 50, at most 10000).")]
        [DefaultValue(50)]
        public int Limit { get; init; } = 50;

        public override ValidationResult Validate() =>
            Status is not null && OrderStatusNames.Find(Status) is null
                ? ValidationResult.Error($"--status takes one of {string.Join(", ", OrderStatusNames.All)}, not '{Status}'")
            : Since is not null && !Duration.TryParse(Since, out _) ? ValidationResult.Error($"--since takes a duration such as 30m, 2h or 7d, not '{Since}'")
            : Limit is < 1 or > 10_000 ? ValidationResult.Error($"--limit takes a number from 1 to 10000, not {Limit}")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var status = settings.Status is null ? null : OrderStatusNames.Find(settings.Status);
        var store = string.IsNullOrWhiteSpace(settings.Store) ? null : settings.Store.Trim().ToLowerInvariant();
        var since = settings.Since is null ? (DateTimeOffset?)null : DateTimeOffset.UtcNow - Duration.Parse(settings.Since, "--since");

        await using var database = settings.Database();
        var list = new OrderList(database);
        var orders = await list.Read(new OrderListFilter(status, store, since, settings.Limit), cancellationToken);
        var counts = await list.Counts(store, since, cancellationToken);

        if (settings.Json)
        {
            JsonOutput.Write(new { orders, counts });
            return ExitCodes.Success;
        }

        var table = Tables.Create("purchase order", "store", "order", "status", "updated", "last error");
        foreach (var order in orders)
        {
            table.Row(order.PurchaseOrderId, order.StoreCode, order.OrderIncrementId, order.Status, Tables.Time(order.UpdatedAt), Tables.Shorten(order.LastError, 100));
        }

        if (orders.Count == 0)
        {
            Console.Out.WriteLine("No orders match.");
        }
        else
        {
            AnsiConsole.Console.Write(table);
        }

        Console.Out.WriteLine(counts.Count == 0
            ? "Orders by status: none"
            : "Orders by status: " + string.Join(", ", OrderStatusNames.All.Where(counts.ContainsKey).Select(name => $"{name} {counts[name]}")));
        return ExitCodes.Success;
    }
}
