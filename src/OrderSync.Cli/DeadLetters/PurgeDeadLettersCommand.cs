using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

/// <summary>Deletes dead letters, each archived to dead_letter_archive (headers, body and all) before it is acknowledged.</summary>
public sealed class PurgeDeadLettersCommand : AsyncCommand<PurgeDeadLettersCommand.Settings>
{
    public sealed class Settings : DeadLetterSelectionSettings
    {
        [CommandOption("--yes")]
        [Description("Confirm the purge; without it nothing is deleted.")]
        public bool Yes { get; init; }

        public override ValidationResult Validate()
        {
            var selection = base.Validate();
            return selection.Successful && !Yes
                ? ValidationResult.Error("purge deletes dead letters (after archiving each to dead_letter_archive): pass --yes to confirm")
                : selection;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var database = settings.Database();

        // An unreachable database fails the command before any dead letter is touched.
        await using (await database.OpenConnectionAsync(cancellationToken))
        {
        }

        await using var scan = await DeadLetterScan.Read(settings, settings.Filter().Queue, cancellationToken);
        var chosen = settings.Choose(scan.Messages, now);
        if (chosen.Count > 0)
        {
            // All archived in one transaction before the first acknowledgement: a failure there deletes nothing.
            try
            {
                await OperatorProgress.Run(settings.Json, "purging dead letters", chosen.Count, async step =>
                {
                    await DeadLetterActions.Purge(scan.Held, new DeadLetterArchive(database), chosen, Operator.Name, step, cancellationToken);
                    return chosen.Count;
                });
            }
            catch (DeadLettersPartlyPurgedException failure)
            {
                var (reason, code) = CliException.Describe(failure.InnerException!);
                throw new CliException($"{reason} ({failure.Message})", code);
            }
        }

        Print(settings, chosen);
        return ExitCodes.Success;
    }

    private static void Print(Settings settings, IReadOnlyList<DeadLetter> purged)
    {
        if (settings.Json)
        {
            JsonOutput.Write(new { count = purged.Count, archivedTo = "dead_letter_archive", purged = purged.Select(DeadLetterViews.Summary) });
            return;
        }

        if (purged.Count == 0)
        {
            Console.Out.WriteLine("No dead letters match: nothing was purged.");
            return;
        }

        var table = Tables.Create("id", "queue", "order", "reason");
        foreach (var message in purged)
        {
            table.Row(message.Id, message.Queue, message.PurchaseOrderId, Tables.Shorten(message.Reason, 80));
        }

        AnsiConsole.Console.Write(table);
        Console.Out.WriteLine($"Purged {purged.Count} dead letter{(purged.Count == 1 ? string.Empty : "s")}, archived in dead_letter_archive.");
    }
}
