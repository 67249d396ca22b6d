using OrderSync.Benchmark.Infrastructure;
using OrderSync.Testing.Processes;

namespace OrderSync.Benchmark.Scenarios;

/// <summary>
/// Counters taken as a span begins and again as it ends: CPU by process, database statements, Walmart calls, load average,
/// and the workers' memory sampled throughout.
/// </summary>
public sealed class MeasuredSpan
{
    private readonly BenchmarkContext _context;
    private readonly ScenarioStack _stack;
    private readonly string _loadBefore;
    private readonly CpuUsage _cpuBefore;
    private readonly DatabaseSnapshot _databaseBefore;
    private readonly long _lastCallBefore;

    private MeasuredSpan(BenchmarkContext context, ScenarioStack stack, string loadBefore, CpuUsage cpuBefore, DatabaseSnapshot databaseBefore, long lastCallBefore)
    {
        _context = context;
        _stack = stack;
        _loadBefore = loadBefore;
        _cpuBefore = cpuBefore;
        _databaseBefore = databaseBefore;
        _lastCallBefore = lastCallBefore;
    }

    /// <param name="worker">Null when the worker is not running yet (its CPU then counts from its start).</param>
    public static Task<MeasuredSpan> BeginAsync(BenchmarkContext context, ScenarioStack stack, WorkerProcess? worker, CancellationToken cancellationToken) =>
        BeginAsync(context, stack, worker is null ? [] : [worker], cancellationToken);

    public static async Task<MeasuredSpan> BeginAsync(BenchmarkContext context, ScenarioStack stack, IReadOnlyList<WorkerProcess> workers, CancellationToken cancellationToken)
    {
        var database = await context.Database.SnapshotAsync(stack.Resources.Name, cancellationToken);
        var calls = await stack.Sandbox.RecordedCalls(cancellationToken);
        return new MeasuredSpan(
            context,
            stack,
            MachineDescription.LoadAverage(),
            context.Cpu.ReadForWorkers([.. workers.Select(worker => worker.ProcessId)], stack.Sandbox.ProcessId),
            database,
            calls.Count == 0 ? 0 : calls[^1].Sequence);
    }

    /// <summary>Reads CPU and memory while the worker runs, stops it (so that its database sessions report their statistics), then reads the rest.</summary>
    public Task<(WorkerMeasures Measures, IReadOnlyList<SandboxCall> Calls)> EndAsync(WorkerProcess worker, MemorySampler memory, CancellationToken cancellationToken) =>
        EndAsync([(worker, memory)], cancellationToken);

    /// <summary>
    /// The same for several workers: CPU summed over them; memory of the one with the highest peak, as each process must fit on
    /// its own.
    /// </summary>
    public async Task<(WorkerMeasures Measures, IReadOnlyList<SandboxCall> Calls)> EndAsync(
        IReadOnlyList<(WorkerProcess Worker, MemorySampler Memory)> workers, CancellationToken cancellationToken)
    {
        var cpu = _context.Cpu.ReadForWorkers([.. workers.Select(pair => pair.Worker.ProcessId)], _stack.Sandbox.ProcessId) - _cpuBefore;
        var load = new LoadAverages(_loadBefore, MachineDescription.LoadAverage());
        foreach (var (_, memory) in workers)
        {
            await memory.StopAsync();
        }

        await Task.WhenAll(workers.Select(pair => pair.Worker.Terminate(ScenarioStack.WorkerStopTimeout)));
        var database = DatabaseStatistics.Between(_databaseBefore, await _context.Database.SnapshotAsync(_stack.Resources.Name, cancellationToken));
        var calls = await _stack.Sandbox.RecordedCalls(cancellationToken);
        var largest = workers.Select(pair => pair.Memory).MaxBy(memory => memory.PeakMiB)!;
        return (new WorkerMeasures(WalmartCallCounts.Since(calls, _lastCallBefore), database, largest.PeakMiB, largest.Samples, cpu, load), calls);
    }
}
