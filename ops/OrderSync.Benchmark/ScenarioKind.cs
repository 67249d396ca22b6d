namespace OrderSync.Benchmark;

/// <summary>The four scenarios of the benchmark, in the order they run.</summary>
public enum ScenarioKind
{
    /// <summary>A burst of mixed events as fast as they can go, beside the plain MassTransit baseline.</summary>
    Throughput,

    /// <summary>A fixed event rate for a fixed time: latency when the worker is not saturated.</summary>
    Steady,

    /// <summary>The sandbox throttles each seller as Walmart does: how close to the allowed rate the worker gets.</summary>
    Throttled,

    /// <summary>Events queued before the worker starts: drain time and peak memory.</summary>
    Backlog,
}
