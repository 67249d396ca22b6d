using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Baseline;

/// <summary>Plain MassTransit on the same broker: messages consumed and answered, how long until the last answer was consumed.</summary>
/// <param name="Hops">Broker hops each message made: 2 for the baseline, more with relays.</param>
/// <param name="Cpu">CPU spent during the measured round (the bus is in the benchmark's process).</param>
public sealed record BaselineResult(RateSample Rate, LatencyDistribution Latency, int Hops, int PrefetchCount, int ConcurrentMessageLimit, CpuUsage Cpu)
{
    /// <summary>CPU ms one message costs the stack: the bus (in the benchmark's process) and RabbitMQ.</summary>
    public double StackCpuMsPerMessage => (Cpu.Benchmark + Cpu.RabbitMq) * 1000 / Rate.Count;
}
