using MassTransit;

namespace OrderSync.Benchmark.Baseline;

/// <summary>
/// The baseline's queues: pings are published and consumed, each answered with a pong that a second consumer receives; that is
/// two broker hops a message. With relays, each ping first passes through the relay queue that many times, one hop each.
/// </summary>
public static class BaselineTopology
{
    public const string PingQueue = "benchmark-baseline.pings";
    public const string RelayQueue = "benchmark-baseline.relays";
    public const string PongQueue = "benchmark-baseline.pongs";

    public static readonly Uri RelayAddress = new($"queue:{RelayQueue}");

    /// <summary>Broker hops a message makes with <paramref name="relays"/> relays: the ping's, each relay's, the pong's.</summary>
    public static int Hops(int relays) => relays + 2;

    /// <summary>Sends the ping on through the relay queue while relays remain, else publishes its pong.</summary>
    public static async Task PassOn(ConsumeContext context, int sequence, DateTimeOffset sentAt, int relaysLeft)
    {
        if (relaysLeft > 0)
        {
            var relays = await context.GetSendEndpoint(RelayAddress);
            await relays.Send(new BaselineRelay(sequence, sentAt, relaysLeft), context.CancellationToken);
        }
        else
        {
            await context.Publish(new BaselinePong(sequence, sentAt), context.CancellationToken);
        }
    }

    public static void ConfigureEndpoints(IBusFactoryConfigurator bus, int relays, BaselinePongCounter counter)
    {
        bus.ReceiveEndpoint(PingQueue, endpoint => endpoint.Consumer(() => new BaselinePingConsumer(relays)));
        if (relays > 0)
        {
            bus.ReceiveEndpoint(RelayQueue, endpoint => endpoint.Consumer(() => new BaselineRelayConsumer()));
        }

        bus.ReceiveEndpoint(PongQueue, endpoint => endpoint.Consumer(() => new BaselinePongConsumer(counter)));
    }
}
