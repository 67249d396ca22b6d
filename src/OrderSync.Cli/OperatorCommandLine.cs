using OrderSync.Cli.DeadLetters;
using OrderSync.Cli.Events;
using OrderSync.Cli.Infrastructure;
using OrderSync.Cli.Orders;
using OrderSync.Cli.Results;
using Spectre.Console.Cli;

namespace OrderSync.Cli;

/// <summary>The operator's verbs: docs/interface.md section 5, plus publishing Commerce events and watching results.</summary>
public static class OperatorCommandLine
{
    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ordersync");
            config.SetExceptionHandler((exception, _) => CliException.Report(exception));

            config.AddBranch("dead-letters", deadLetters =>
            {
                deadLetters.SetDescription("Messages the worker could not handle, in its own _error and _skipped queues; other applications' queues are left alone.");
                deadLetters.AddCommand<ListDeadLettersCommand>("list")
                    .WithDescription("Dead letters grouped by queue and reason, with counts, first and last seen; then each message and its id.")
                    .WithExample("dead-letters", "list")
                    .WithExample("dead-letters", "list", "--queue", "walmart-sync.commerce-events", "--since", "2h")
                    .WithExample("dead-letters", "list", "--order", "108829735420014", "--json");
                deadLetters.AddCommand<ShowDeadLetterCommand>("show")
                    .WithDescription("One dead letter: properties, headers, fault reason, exception, stack trace and body.")
                    .WithExample("dead-letters", "show", "3fa85f6457b2");
                deadLetters.AddCommand<RequeueDeadLettersCommand>("requeue")
                    .WithDescription("Move dead letters back to the worker queue they failed on; each is removed only after the broker confirmed its copy.")
                    .WithExample("dead-letters", "requeue", "3fa85f6457b2")
                    .WithExample("dead-letters", "requeue", "--all", "--reason", "timeout", "--dry-run");
                deadLetters.AddCommand<PurgeDeadLettersCommand>("purge")
                    .WithDescription("Delete dead letters, each archived to the database (dead_letter_archive) first.")
                    .WithExample("dead-letters", "purge", "3fa85f6457b2", "--yes")
                    .WithExample("dead-letters", "purge", "--all", "--queue", "walmart-sync.commerce-events_skipped", "--yes");
            });

            config.AddBranch("orders", orders =>
            {
                orders.SetDescription("Walmart purchase orders as the worker has synced them.");
                orders.AddCommand<ListOrdersCommand>("list")
                    .WithDescription("The orders the worker holds, newest change first, then how many are in each status.")
                    .WithExample("orders", "list", "--status", "Error")
                    .WithExample("orders", "list", "--store", "walmart_us", "--since", "2h", "--limit", "20", "--json");
                orders.AddCommand<ShowOrderCommand>("show")
                    .WithDescription("An order's sync state: Walmart lines shipped and cancelled, shipments, operations, every Walmart call, the last error.")
                    .WithExample("orders", "show", "108829735420014")
                    .WithExample("orders", "show", "108829735420014", "--store", "walmart_us", "--json");
                orders.AddCommand<ResyncOrderCommand>("resync")
                    .WithDescription("Retry the failed operations of an order in Error, once the cause is fixed.")
                    .WithExample("orders", "resync", "108829735420014", "--wait", "60");
            });

            config.AddCommand<Status.ServiceStatusCommand>("status")
                .WithDescription("The whole service: per store, orders by status and the oldest event not yet synced; dead letters; Walmart throttling; instances.")
                .WithExample("status")
                .WithExample("status", "--json");

            config.AddBranch("events", events =>
            {
                events.SetDescription("Commerce order events.");
                events.AddCommand<PublishEventsCommand>("publish")
                    .WithDescription("Publish CloudEvents JSON files to commerce.order-events, as Commerce does.")
                    .WithExample("events", "publish", "shipment-saved.json", "track-saved.json");
            });

            config.AddBranch("results", results =>
            {
                results.SetDescription("Sync results published back to Commerce.");
                results.AddCommand<WatchResultsCommand>("watch")
                    .WithDescription("Print sync results from channel-manager.sync-results as they arrive.")
                    .WithExample("results", "watch", "--count", "3", "--timeout", "60");
            });
        });
        return app;
    }
}
