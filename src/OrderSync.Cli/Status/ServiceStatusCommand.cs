using System.Text.Json.Nodes;
using OrderSync.Cli.DeadLetters;
using OrderSync.Cli.Infrastructure;
using OrderSync.Cli.Orders;
using OrderSync.Persistence;
using OrderSync.Persistence.Orders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Status;

/// <summary>
/// The whole service on one screen: per store, orders by status and the oldest Commerce event not yet synced with its age;
/// dead letters by queue; each seller's budget at Walmart and whether Walmart holds it back; the instances reading the intake.
/// </summary>
public sealed class ServiceStatusCommand : AsyncCommand<ConnectionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var database = settings.Database();
        var orders = new OrderList(database);
        var counts = await orders.CountsByStore(cancellationToken);
        var backlog = await orders.Backlog(cancellationToken);
        var budgets = await new WalmartBudgetLog(database).All(cancellationToken);

        await using var connection = await Broker.Connect(settings.RabbitMqUri(), cancellationToken);
        var deadLetters = await Broker.ExistingQueues(connection, WorkerQueues.DeadLetterQueues, cancellationToken);
        var intake = await Broker.Describe(connection, WorkerQueues.CommerceEvents, cancellationToken);

        var status = new JsonObject
        {
            ["checkedAt"] = now,
            ["stores"] = new JsonArray([.. counts.Select(row => row.StoreCode).Concat(backlog.Select(row => row.StoreCode)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(store => (JsonNode)Store(store, counts, backlog.FirstOrDefault(row => row.StoreCode == store), now))]),
            ["deadLetters"] = new JsonArray([.. deadLetters.OrderBy(queue => queue.Key, StringComparer.Ordinal)
                .Select(queue => (JsonNode)new JsonObject { ["queue"] = queue.Key, ["messages"] = queue.Value })]),
            ["walmartBudgets"] = new JsonArray([.. budgets.Select(budget => (JsonNode)new JsonObject
            {
                ["seller"] = budget.Seller,
                ["endpoint"] = budget.Endpoint,
                ["learntPerMinute"] = Math.Round(budget.LearntPerMinute, 1),
                ["configuredPerMinute"] = Math.Round(budget.CeilingPerMinute, 1),
                ["waiting"] = budget.Waiting,
                ["heldUntil"] = budget.HeldUntil,
                ["reportedAt"] = budget.UpdatedAt,
                ["throttled"] = IsThrottled(budget, now),
            })]),
            ["intake"] = new JsonObject
            {
                ["queue"] = WorkerQueues.CommerceEvents,
                ["messages"] = intake?.Messages,
            },
            ["instances"] = intake?.Consumers ?? 0,
        };

        if (settings.Json)
        {
            JsonOutput.Write(status);
            return ExitCodes.Success;
        }

        Print(status);
        return ExitCodes.Success;
    }

    /// <summary>Walmart holds the seller back: it asked to wait, grants less than configured, or calls wait for the budget.</summary>
    private static bool IsThrottled(WalmartBudgetRow budget, DateTimeOffset now) =>
        budget.HeldUntil > now || budget.Waiting > 0 || budget.LearntPerMinute < budget.CeilingPerMinute * 0.9;

    private static JsonObject Store(string store, IReadOnlyList<StoreStatusCount> counts, StoreBacklog? backlog, DateTimeOffset now) => new()
    {
        ["storeCode"] = store,
        ["orders"] = new JsonObject([.. OrderStatusNames.All
            .Select(status => KeyValuePair.Create(status, (JsonNode?)counts.Where(row => row.StoreCode == store && row.Status == status).Sum(row => row.Orders)))]),
        ["unsyncedOrders"] = backlog?.Orders ?? 0,
        ["oldestUnsyncedEventAt"] = backlog?.OldestEventAt,
        ["oldestUnsyncedEventAgeSeconds"] = backlog is null ? null : Math.Round(Math.Max(0, (now - backlog.OldestEventAt).TotalSeconds), 1),
    };

    private static void Print(JsonObject status)
    {
        var console = AnsiConsole.Console;
        Console.Out.WriteLine($"Status at {Tables.Time(status["checkedAt"]!.GetValue<DateTimeOffset>())}: {status["instances"]} instance(s) reading {WorkerQueues.CommerceEvents}, {status["intake"]!["messages"]?.ToString() ?? "(no queue)"} event(s) waiting in it");

        var stores = Tables.Create(["store", .. OrderStatusNames.All, "unsynced orders", "oldest unsynced event", "age"]);
        foreach (var store in status["stores"]!.AsArray().OfType<JsonObject>())
        {
            var age = store["oldestUnsyncedEventAgeSeconds"]?.GetValue<double>();
            stores.Row([
                store["storeCode"]!.GetValue<string>(),
                .. OrderStatusNames.All.Select(name => store["orders"]![name]!.ToString()),
                store["unsyncedOrders"]!.ToString(),
                Tables.Time(store["oldestUnsyncedEventAt"]?.GetValue<DateTimeOffset>()),
                age is null ? string.Empty : Duration.Format(TimeSpan.FromSeconds(Math.Round(age.Value))),
            ]);
        }

        Console.Out.WriteLine("Orders by store");
        console.Write(stores);

        var deadLetters = Tables.Create("dead-letter queue", "messages");
        foreach (var queue in status["deadLetters"]!.AsArray().OfType<JsonObject>())
        {
            deadLetters.Row(queue["queue"]!.GetValue<string>(), queue["messages"]!.ToString());
        }

        Console.Out.WriteLine("Dead letters");
        console.Write(deadLetters);

        var budgets = Tables.Create("seller", "endpoint", "granted a minute", "configured", "waiting", "held until", "reported", "throttled");
        foreach (var budget in status["walmartBudgets"]!.AsArray().OfType<JsonObject>())
        {
            budgets.Row(
                budget["seller"]!.GetValue<string>(), budget["endpoint"]!.GetValue<string>(), budget["learntPerMinute"]!.ToString(), budget["configuredPerMinute"]!.ToString(),
                budget["waiting"]!.ToString(), Tables.Time(budget["heldUntil"]?.GetValue<DateTimeOffset>()), Tables.Time(budget["reportedAt"]?.GetValue<DateTimeOffset>()),
                budget["throttled"]!.GetValue<bool>() ? "yes" : "no");
        }

        Console.Out.WriteLine("Walmart budgets");
        console.Write(budgets);
    }
}
