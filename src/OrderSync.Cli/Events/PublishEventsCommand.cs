using System.ComponentModel;
using System.Text.Json;
using OrderSync.Cli.Infrastructure;
using RabbitMQ.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Events;

/// <summary>Publishes CloudEvents files as Commerce would: raw JSON, routing key = type, with publisher confirms.</summary>
public sealed class PublishEventsCommand : AsyncCommand<PublishEventsCommand.Settings>
{
    private const string Exchange = "commerce.order-events";

    public sealed class Settings : ConnectionSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CloudEvents JSON files, each holding one event.")]
        public string[] Files { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var events = settings.Files.Select(Read).ToList();
        await using var connection = await Broker.Connect(settings.RabbitMqUri(), cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);

        foreach (var (file, type, id, body) in events)
        {
            var properties = new BasicProperties { ContentType = "application/cloudevents+json", DeliveryMode = DeliveryModes.Persistent, MessageId = id };
            await channel.BasicPublishAsync(Exchange, type, mandatory: false, properties, body, cancellationToken);
            if (settings.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { file, type, id }));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"published [bold]{type}[/] {id} from {Path.GetFileName(file)}");
            }
        }

        return 0;
    }

    private static (string File, string Type, string Id, byte[] Body) Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"no such file: {file}", ExitCodes.NoInput);
        }

        var body = File.ReadAllBytes(file);
        try
        {
            using var document = JsonDocument.Parse(body);
            var type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            var id = document.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
            return type is null || id is null
                ? throw new CliException($"{file} is not a CloudEvent: it needs a type and an id", ExitCodes.DataError)
                : (file, type, id, body);
        }
        catch (JsonException exception)
        {
            throw new CliException($"{file} is not JSON: {exception.Message}", ExitCodes.DataError);
        }
    }
}
