using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

public class DeadLetterSettings : ConnectionSettings
{
    [CommandOption("--management <URL>")]
    [Description("RabbitMQ management API, to find every dead-letter queue. Default: $ORDERSYNC_RABBITMQ_MANAGEMENT_URL, else the broker's host on port 15672 with its credentials. Without it, the worker's known queues are read.")]
    public string? Management { get; init; }
}
