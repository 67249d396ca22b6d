using System.ComponentModel;
using System.Text.Json;
using System.Threading.Channels;
using OrderSync.Cli.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Results;

/// <summary>Binds a temporary queue to the results exchange and prints what arrives, as a Commerce listener would see it.</summary>
public sealed class WatchResultsCommand : AsyncCommand<WatchResultsCommand.Settings>
{
    private const string Exchange = "channel-manager.sync-results";

    public sealed class Settings : ConnectionSettings
    {
        [CommandOption("--count <N>")]
        [Description("Stop after N results. Default: run until --timeout or Ctrl+C.")]
        public int? Count { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Stop after this many seconds; exits 1 if fewer than --count results came.")]
        public int? TimeoutSeconds { get; init; }

        [CommandOption("--full")]
        [Description("After each result's summary, print its whole CloudEvent.")]
        public bool Full { get; init; }

        [CommandOption("--ready-file <PATH>")]
        [Description("Create this file once the queue is bound, so a script knows when to publish.")]
        public string? ReadyFile { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var timeout = settings.TimeoutSeconds is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        await using var connection = await Broker.Connect(settings.RabbitMqUri(), cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, Exchange, "#", cancellationToken: cancellationToken);

        var arrivals = Channel.CreateUnbounded<string>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => arrivals.Writer.WriteAsync(System.Text.Encoding.UTF8.GetString(delivery.Body.Span)).AsTask();
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        if (settings.ReadyFile is not null)
        {
            await File.WriteAllTextAsync(settings.ReadyFile, queue.QueueName, cancellationToken);
        }

        var received = 0;
        try
        {
            while (settings.Count is null || received < settings.Count)
            {
                var body = await arrivals.Reader.ReadAsync(linked.Token);
                received++;
                Print(body, settings.Json, settings.Full);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (settings.Count is { } expected)
            {
                throw new CliException($"only {received} of {expected} results arrived within {settings.TimeoutSeconds} s");
            }
        }

        return 0;
    }

    private static void Print(string body, bool json, bool full)
    {
        if (json)
        {
            using var compact = JsonDocument.Parse(body);
            Console.WriteLine(JsonSerializer.Serialize(compact.RootElement));
            return;
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var data = root.GetProperty("data");
        var status = data.TryGetProperty("orderStatus", out var s) ? s.GetString() : "?";
        AnsiConsole.MarkupLineInterpolated($"[bold]{root.GetProperty("type").GetString()}[/] order {root.GetProperty("subject").GetString()}: [bold]{status}[/]");
        if (data.TryGetProperty("statusDetails", out var details))
        {
            AnsiConsole.MarkupLineInterpolated($"  {details.GetString()}");
        }

        if (data.TryGetProperty("lines", out var lines))
        {
            var table = new Table().AddColumns("line", "sku", "qty", "carrier / reason", "tracking");
            foreach (var line in lines.EnumerateArray())
            {
                table.AddRow(
                    Text(line, "lineNumber"), Text(line, "sku"), Text(line, "quantity"),
                    line.TryGetProperty("carrier", out _) ? Text(line, "carrier") : Text(line, "reason"),
                    Text(line, "trackingNumber"));
            }

            AnsiConsole.Write(table);
        }

        if (full)
        {
            AnsiConsole.WriteLine(body);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText() : string.Empty;
}
