using OrderSync.Cli.Events;
using OrderSync.Cli.Infrastructure;
using OrderSync.Cli.Results;
using Spectre.Console.Cli;

namespace OrderSync.Cli;

/// <summary>The operator's verbs: contract section 4, plus publishing Commerce events and watching results.</summary>
public static class OperatorCommandLine
{
    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ordersync");
            config.SetExceptionHandler((exception, _) => CliException.Report(exception));

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
