using System.ComponentModel;
using System.Globalization;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

/// <summary>One dead letter in full: properties, headers, the fault, its stack trace and the body.</summary>
public sealed class ShowDeadLetterCommand : AsyncCommand<ShowDeadLetterCommand.Settings>
{
    public sealed class Settings : DeadLetterSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The dead letter's id, as list shows it.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--queue <QUEUE>")]
        [Description("Look only in this dead-letter queue, or in both of this worker queue's.")]
        public string? Queue { get; init; }

        public override ValidationResult Validate() =>
            WorkerQueues.Refusal(Queue) is { } refusal ? ValidationResult.Error(refusal) : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        List<DeadLetter> found;
        await using (var scan = await DeadLetterScan.Read(settings, settings.Queue, cancellationToken))
        {
            found = [.. scan.Messages.Where(message => MessageIds.Same(message.Id, settings.Id))];
        }

        if (found.Count == 0)
        {
            throw new CliException($"no dead letter with id {settings.Id}");
        }

        var message = found[0];
        IReadOnlyList<DeadLetterRequeue> requeues = [];
        if (settings.HasPostgres)
        {
            try
            {
                await using var database = settings.Database();
                requeues = await new DeadLetterRequeueLog(database).ForMessage(message.Id, cancellationToken);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The message is what was asked for; its requeue history is a bonus a database outage should not hide it behind.
            }
        }

        if (settings.Json)
        {
            var details = DeadLetterViews.Details(message);
            details["sameIdCount"] = found.Count;
            details["requeues"] = System.Text.Json.JsonSerializer.SerializeToNode(requeues, JsonOutput.Options);
            JsonOutput.Write(details);
            return ExitCodes.Success;
        }

        Print(message, found.Count, requeues);
        return ExitCodes.Success;
    }

    private static void Print(DeadLetter message, int sameId, IReadOnlyList<DeadLetterRequeue> requeues)
    {
        var console = AnsiConsole.Console;
        Console.Out.WriteLine($"Dead letter {message.Id} in {message.Queue}");
        if (sameId > 1)
        {
            Console.Out.WriteLine($"({sameId - 1} more dead letter{(sameId == 2 ? " carries" : "s carry")} this id; requeue and purge take them all.)");
        }

        console.Write(Tables.Properties(
        [
            ("reason", message.Reason),
            ("exception", message.ExceptionType),
            ("purchase order", message.PurchaseOrderId),
            ("dead-lettered", Tables.Time(message.FaultedAt)),
            ("requeue goes to", message.TargetQueue),
            ("requeue refused", message.RequeueRefusal),
            ("consumer", HeaderValues.Text(message.Headers, FaultHeaders.ConsumerType)),
            ("message type", HeaderValues.Text(message.Headers, FaultHeaders.MessageType)),
            ("retries", HeaderValues.Text(message.Headers, FaultHeaders.RetryCount)),
        ]));

        Console.Out.WriteLine("Properties");
        console.Write(Tables.Properties(DeadLetterViews.Properties(message.Properties)));

        Console.Out.WriteLine("Headers");
        console.Write(Tables.Properties(message.Headers
            .Where(header => header.Key != FaultHeaders.StackTrace)
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .Select(header => (header.Key, HeaderValues.Text(header.Value)))));

        if (message.StackTrace is { Length: > 0 } stackTrace)
        {
            Console.Out.WriteLine("Stack trace");
            Console.Out.WriteLine(stackTrace.TrimEnd());
        }

        var (kind, body) = DeadLetterViews.Body(message.Body.Span);
        Console.Out.WriteLine($"Body ({message.Properties.ContentType ?? "no content type"}, {message.Body.Length.ToString(CultureInfo.InvariantCulture)} bytes{(kind == "base64" ? ", base64" : string.Empty)})");
        Console.Out.WriteLine(body);

        if (requeues.Count > 0)
        {
            Console.Out.WriteLine("Requeued before");
            var table = Tables.Create("requeue id", "from", "to", "at", "by", "handled by the worker");
            foreach (var requeue in requeues)
            {
                table.Row(requeue.RequeueId.ToString(), requeue.DeadLetterQueue, requeue.TargetQueue, Tables.Time(requeue.RequeuedAt), requeue.RequeuedBy,
                    requeue.ResolvedAt is { } resolved ? Tables.Time(resolved) : "no");
            }

            console.Write(table);
        }
    }
}
