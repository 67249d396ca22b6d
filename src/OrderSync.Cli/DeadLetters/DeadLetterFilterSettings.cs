using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

public class DeadLetterFilterSettings : DeadLetterSettings
{
    [CommandOption("--queue <QUEUE>")]
    [Description("Only this dead-letter queue (walmart-sync.order-sync_error), or both of a worker queue's (walmart-sync.order-sync), or the dead letters of a seller's lane. Only the worker's own queues.")]
    public string? Queue { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Only messages whose reason or exception type contains TEXT (any case).")]
    public string? Reason { get; init; }

    [CommandOption("--order <PO>")]
    [Description("Only messages of this Walmart purchase order.")]
    public string? Order { get; init; }

    [CommandOption("--since <DURATION>")]
    [Description("Only messages dead-lettered within DURATION: 30m, 2h, 7d.")]
    public string? Since { get; init; }

    public DeadLetterFilter Filter() => new(
        Blank(Queue), Blank(Reason), Blank(Order), Since is null ? null : Duration.Parse(Since, "--since"));

    public override ValidationResult Validate() =>
        Since is not null && !Duration.TryParse(Since, out _) ? ValidationResult.Error($"--since takes a duration such as 30m, 2h or 7d, not '{Since}'")
        : WorkerQueues.Refusal(Blank(Queue)) is { } refusal ? ValidationResult.Error(refusal)
        : base.Validate();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
