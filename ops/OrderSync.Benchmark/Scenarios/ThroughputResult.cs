using OrderSync.Benchmark.Baseline;
using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>Scenario 1: a burst of mixed events, and the plain MassTransit baseline beside it.</summary>
/// <param name="WorkerPath">Plain MassTransit through as many hops as an event makes in the worker, consumers passing messages on.</param>
public sealed record ThroughputResult(
    string Workload,
    int Events,
    TimeSpan PublishTime,
    RateSample Throughput,
    ResultSummary Results,
    ThroughputTimeline Timeline,
    WorkerMeasures Worker,
    BaselineResult Baseline,
    BaselineResult WorkerPath)
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

    /// <summary>The share of the baseline that the worker's hops alone leave: the ratio no work done at the hops could beat.</summary>
    public double WorkerPathRatioToBaseline => WorkerPath.Rate.PerSecond / Baseline.Rate.PerSecond;

    /// <summary>The worker's events a second over the plain hops' messages a second: what the work at the hops costs.</summary>
    public double RatioToWorkerPath => Throughput.PerSecond / WorkerPath.Rate.PerSecond;
}
