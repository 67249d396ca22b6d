using OrderSync.Benchmark.Baseline;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 1: a burst of mixed events, and the plain MassTransit baseline beside it.</summary>
public sealed record ThroughputResult(
    string Workload,
    int Events,
    TimeSpan PublishTime,
    RateSample Throughput,
    ResultSummary Results,
    ThroughputTimeline Timeline,
    WorkerMeasures Worker,
    BaselineResult Baseline)
{
    /// <summary>The worker's events a second over the baseline's messages a second.</summary>
    public double RatioToBaseline => Throughput.PerSecond / Baseline.Rate.PerSecond;

    /// <summary>CPU ms one event costs the stack (worker, sandbox, RabbitMQ, PostgreSQL).</summary>
    public double StackCpuMsPerEvent => Worker.Cpu.Stack * 1000 / Events;

    /// <summary>
    /// The ratio if CPU were the only limit and the stack had the machine to itself: the baseline's CPU per message over the worker
    /// stack's CPU per event. Unlike the measured ratio, it hardly depends on what else runs on the machine.
    /// </summary>
    public double CpuBoundRatio => Baseline.StackCpuMsPerMessage / StackCpuMsPerEvent;
}
