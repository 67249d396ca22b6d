using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

/// <summary>
/// Moves dead letters back to the queues they failed on. Each copy is published with publisher confirms, and the dead letter
/// is acknowledged only once the broker confirmed the copy: a failure at any point leaves the message in one place or both,
/// never in none. A message whose MT-Fault-InputAddress names a queue it cannot have come from stays where it is
/// (<see cref="RequeueTarget"/>).
/// </summary>
public sealed class RequeueDeadLettersCommand : AsyncCommand<RequeueDeadLettersCommand.Settings>
{
    public sealed class Settings : DeadLetterSelectionSettings
    {
        [CommandOption("--dry-run")]
        [Description("Print what would be requeued, and move nothing.")]
        public bool DryRun { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var database = settings.DryRun ? null : settings.Database();
        if (database is not null)
        {
            // An unreachable database fails the command before any dead letter is touched.
            await using (await database.OpenConnectionAsync(cancellationToken))
            {
            }
        }

        await using var scan = await DeadLetterScan.Read(settings, settings.Filter().Queue, cancellationToken);
        var chosen = settings.Choose(scan.Messages, now);
        var refused = chosen.Where(message => message.TargetQueue is null).ToList();
        var movable = chosen.Where(message => message.TargetQueue is not null).ToList();
        if (movable.Count > 0)
        {
            await RequireTargets(scan, movable, cancellationToken);
        }

        if (movable.Count == 0 || settings.DryRun)
        {
            Print(settings, [.. movable.Select(message => (message, (Guid?)null))], refused);
            return Outcome(settings, refused);
        }

        var log = new DeadLetterRequeueLog(database!);
        await using var requeuer = await DeadLetterRequeuer.Open(scan.Connection, cancellationToken);
        var done = new List<(DeadLetter, Guid?)>();
        try
        {
            await OperatorProgress.Run(settings.Json, "requeueing dead letters", movable.Count, async step =>
            {
                foreach (var message in movable)
                {
                    done.Add((message, await Requeue(scan, requeuer, log, message, cancellationToken)));
                    step();
                }

                return done.Count;
            });
        }
        catch (Exception exception) when (done.Count > 0)
        {
            var (reason, code) = CliException.Describe(exception);
            throw new CliException($"{reason} (after {done.Count} of {movable.Count} dead letters were requeued; the rest stay dead letters)", code);
        }

        Print(settings, done, refused);
        return Outcome(settings, refused);
    }

    /// <summary>Success, unless a message was refused: then one line says so and the exit code is 1, after the others moved.</summary>
    private static int Outcome(Settings settings, IReadOnlyList<DeadLetter> refused)
    {
        var would = settings.DryRun ? "would not be" : "was not";
        return refused switch
        {
            [] => ExitCodes.Success,
            [var message] => throw new CliException($"dead letter {message.Id} {would} requeued: {message.RequeueRefusal}; it stays in {message.Queue}"),
            _ => throw new CliException(
                $"{refused.Count} dead letters {(settings.DryRun ? "would not be" : "were not")} requeued, since requeue sends a dead letter only back to the worker queue it failed on; they stay where they are (each is listed with the reason)"),
        };
    }

    private static async Task<Guid> Requeue(DeadLetterScan scan, DeadLetterRequeuer requeuer, DeadLetterRequeueLog log, DeadLetter message, CancellationToken cancellationToken)
    {
        try
        {
            return await DeadLetterActions.Requeue(scan.Held, requeuer, log, message, Operator.Name, cancellationToken);
        }
        catch (DeadLetterNotRequeuedException failure)
        {
            var exception = failure.InnerException!;
            var why = exception is PublishReturnException returned ? $"{returned.ReplyCode} {returned.ReplyText}"
                : exception is PublishException ? "the broker refused it"
                : CliException.Describe(exception).Message;
            throw new CliException($"{failure.Message}: {why}", ExitCodes.Unavailable);
        }
        catch (DeadLetterInBothQueuesException failure)
        {
            throw new CliException($"{failure.Message}: {CliException.Describe(failure.InnerException!).Message}", ExitCodes.Unavailable);
        }
    }

    private static async Task RequireTargets(DeadLetterScan scan, IReadOnlyList<DeadLetter> movable, CancellationToken cancellationToken)
    {
        var targets = movable.Select(message => message.TargetQueue!).Distinct(StringComparer.Ordinal).ToList();
        var existing = await Broker.ExistingQueues(scan.Connection, targets, cancellationToken);
        var missing = targets.Where(target => !existing.ContainsKey(target)).ToList();
        if (missing.Count > 0)
        {
            throw new CliException(
                $"queue {string.Join(", ", missing)} does not exist on this broker, so its dead letters cannot go back to it; nothing was requeued (start the worker once to create it)");
        }
    }

    private static void Print(Settings settings, IReadOnlyList<(DeadLetter Message, Guid? RequeueId)> requeued, IReadOnlyList<DeadLetter> refused)
    {
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                dryRun = settings.DryRun,
                count = requeued.Count,
                requeued = requeued.Select(item =>
                {
                    var summary = DeadLetterViews.Summary(item.Message);
                    summary["requeueId"] = item.RequeueId?.ToString();
                    return summary;
                }),
                refused = refused.Select(DeadLetterViews.Summary),
            });
            return;
        }

        if (requeued.Count == 0 && refused.Count == 0)
        {
            Console.Out.WriteLine("No dead letters match: nothing was requeued.");
            return;
        }

        if (requeued.Count > 0)
        {
            var table = settings.DryRun ? Tables.Create("id", "from", "to", "order", "reason") : Tables.Create("id", "from", "to", "order", "requeue id");
            foreach (var (message, requeueId) in requeued)
            {
                table.Row(message.Id, message.Queue, message.TargetQueue, message.PurchaseOrderId, settings.DryRun ? Tables.Shorten(message.Reason, 80) : requeueId.ToString());
            }

            AnsiConsole.Console.Write(table);
            var count = $"{requeued.Count} dead letter{(requeued.Count == 1 ? string.Empty : "s")}";
            Console.Out.WriteLine(settings.DryRun ? $"Dry run: would requeue {count}; nothing was moved." : $"Requeued {count}.");
        }

        if (refused.Count > 0)
        {
            var table = Tables.Create("id", "stays in", "order", "why it is not requeued");
            foreach (var message in refused)
            {
                table.Row(message.Id, message.Queue, message.PurchaseOrderId, message.RequeueRefusal);
            }

            AnsiConsole.Console.Write(table);
        }
    }
}
