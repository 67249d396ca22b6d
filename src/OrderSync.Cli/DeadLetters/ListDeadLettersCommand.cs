using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

/// <summary>Dead letters grouped by queue and reason, with counts and first and last seen; then the messages, by id.</summary>
public sealed class ListDeadLettersCommand : AsyncCommand<ListDeadLettersCommand.Settings>
{
    private static readonly TimeSpan DefaultRequeueWindow = TimeSpan.FromHours(24);

    public sealed class Settings : DeadLetterFilterSettings
    {
        [CommandOption("--limit <N>")]
        [Description("At most N rows in the table of messages (default 50); --json lists them all.")]
        [DefaultValue(50)]
        public int Limit { get; init; } = 50;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var filter = settings.Filter();
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<DeadLetter> messages;
        DeadLetterQueueDiscovery discovery;
        await using (var scan = await DeadLetterScan.Read(settings, filter.Queue, cancellationToken))
        {
            discovery = scan.Discovery;
            messages = [.. scan.Messages.Where(message => filter.Matches(message, now)).OrderBy(message => message.FaultedAt ?? DateTimeOffset.MaxValue)];
        }

        var groups = DeadLetterGroup.Of(messages);
        var window = filter.Since ?? DefaultRequeueWindow;
        var (requeues, requeuesProblem) = await Requeues(settings, now - window, cancellationToken);

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                discovery = DeadLetterQueueDiscovery.Source,
                queues = discovery.Queues.Select(queue => new { name = queue.Name, messages = queue.MessageCount }),
                total = messages.Count,
                groups,
                messages = messages.Select(DeadLetterViews.Summary),
                requeueWindow = Duration.Format(window),
                requeues,
                requeuesUnavailable = requeuesProblem,
            });
            return ExitCodes.Success;
        }

        Print(settings, discovery, messages, groups, requeues, window);
        if (requeuesProblem is not null)
        {
            Console.Out.WriteLine($"No requeue history: {requeuesProblem}");
        }

        return ExitCodes.Success;
    }

    /// <summary>The requeue history, when a database is configured; the dead letters are listed even when it cannot be read.</summary>
    private static async Task<(IReadOnlyList<DeadLetterRequeueSummary>? Summaries, string? Problem)> Requeues(Settings settings, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!settings.HasPostgres)
        {
            return (null, null);
        }

        try
        {
            await using var database = settings.Database();
            return (await new DeadLetterRequeueLog(database).Since(since, cancellationToken), null);
        }
        catch (Npgsql.NpgsqlException exception)
        {
            return (null, CliException.Describe(exception).Message);
        }
    }

    private static void Print(
        Settings settings, DeadLetterQueueDiscovery discovery, IReadOnlyList<DeadLetter> messages, IReadOnlyList<DeadLetterGroup> groups,
        IReadOnlyList<DeadLetterRequeueSummary>? requeues, TimeSpan window)
    {
        var console = AnsiConsole.Console;
        var queues = discovery.Queues.Count == 0 ? "no dead-letter queues exist yet" : string.Join(", ", discovery.Queues.Select(queue => queue.Name));
        if (messages.Count == 0)
        {
            Console.Out.WriteLine(discovery.Queues.Count == 0 ? "No dead letters: no dead-letter queue exists yet." : $"No dead letters (read {queues}).");
        }
        else
        {
            Console.Out.WriteLine($"{messages.Count} dead letter{(messages.Count == 1 ? string.Empty : "s")} in {groups.Count} group{(groups.Count == 1 ? string.Empty : "s")} (read {queues}).");
            var table = Tables.Create("queue", "count", "first seen", "last seen", "exception", "reason");
            foreach (var group in groups)
            {
                table.Row(group.Queue, group.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Tables.Time(group.FirstSeen), Tables.Time(group.LastSeen),
                    string.Join(", ", group.ExceptionTypes.Select(Tables.TypeName)), Tables.Shorten(group.Reason, 160));
            }

            console.Write(table);

            var rows = Tables.Create("id", "queue", "order", "dead-lettered", "reason");
            foreach (var message in messages.Take(Math.Max(settings.Limit, 0)))
            {
                rows.Row(message.Id, message.Queue, message.PurchaseOrderId, Tables.Time(message.FaultedAt), Tables.Shorten(message.Reason, 120));
            }

            console.Write(rows);
            if (messages.Count > settings.Limit)
            {
                Console.Out.WriteLine($"... and {messages.Count - settings.Limit} more: narrow with --queue, --reason, --order or --since, raise --limit, or use --json.");
            }
        }

        if (requeues is { Count: > 0 })
        {
            foreach (var summary in requeues)
            {
                Console.Out.WriteLine($"Requeued from {summary.DeadLetterQueue} in the last {Duration.Format(window)}: {summary.Requeued}, of which {summary.Resolved} handled by the worker since.");
            }
        }
    }
}
