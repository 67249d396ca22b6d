using System.Text;
using OrderSync.Benchmark.Infrastructure;
using OrderSync.Benchmark.Measurement;
using OrderSync.Benchmark.Scenarios;
using OrderSync.Benchmark.Workload;
using OrderSync.Testing.Commerce;

namespace OrderSync.Benchmark.Reporting;

/// <summary>Writes report.md: the machine, the targets, each scenario's figures, where the time goes, and what each figure means.</summary>
public static class ReportWriter
{
    private static readonly int Cores = Environment.ProcessorCount;

    public static string Write(BenchmarkReport report, IReadOnlyList<string> charts)
    {
        var text = new StringBuilder();
        var machine = report.Machine;
        text.AppendLine($"# Benchmark: {report.StartedAt:yyyy-MM-dd HH:mm} UTC ({(report.Options.Quick ? "quick" : "full")} run)");
        text.AppendLine();
        text.AppendLine($"- Machine: {machine.Cores} cores ({machine.CpuModel}), {machine.MemoryGiB:N1} GiB memory, Linux {machine.Kernel}, {machine.Runtime}");
        text.AppendLine($"- Services: RabbitMQ {report.RabbitMqVersion}, PostgreSQL {report.PostgresVersion}, all on this machine; the worker and the sandbox as Release builds, each its own process");
        text.AppendLine($"- Load average (1, 5, 15 min): {report.LoadAtStart} at the start, {report.LoadAtEnd} at the end. The machine is shared: other engineers' builds and tests ran beside the benchmark; the CPU they took during each scenario is the \"other\" column under [Where the time goes](#where-the-time-goes).");
        text.AppendLine($"- Run: {report.StartedAt:HH:mm:ss} to {report.FinishedAt:HH:mm:ss} UTC ({(report.FinishedAt - report.StartedAt).TotalMinutes:N1} min), seed {report.Options.Seed}, command `bash ops/benchmark.sh{(report.Options.Quick ? " --quick" : string.Empty)}`");
        text.AppendLine();

        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| target | measured | |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var check in TargetCheck.Evaluate(report))
        {
            text.AppendLine($"| {check.Target} | {check.Measured} | {check.Verdict} |");
        }

        text.AppendLine();
        foreach (var (scenario, reason) in report.Failures)
        {
            text.AppendLine($"Scenario {scenario} did not finish: {reason.Split('\n')[0]}");
            text.AppendLine();
        }

        if (report.Throughput is { } throughput)
        {
            WriteThroughput(text, throughput);
        }

        if (report.Steady is { } steady)
        {
            WriteSteady(text, steady);
        }

        if (report.Throttled is { } throttled)
        {
            WriteThrottled(text, throttled);
        }

        if (report.Backlog is { } backlog)
        {
            WriteBacklog(text, backlog);
        }

        WriteWhereTheTimeGoes(text, report);
        WriteDefinitions(text, report);

        text.AppendLine("## Charts");
        text.AppendLine();
        foreach (var chart in charts)
        {
            text.AppendLine($"![{Path.GetFileNameWithoutExtension(chart)}]({chart})");
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void WriteThroughput(StringBuilder text, ThroughputResult result)
    {
        var events = result.Events;
        text.AppendLine("## 1. Throughput and latency (burst, no Walmart latency, no throttling)");
        text.AppendLine();
        text.AppendLine($"{result.Workload}, published as fast as the broker confirms them ({result.PublishTime.TotalSeconds:N1} s), after a warm-up of {WarmUp.Events} events on other orders.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine($"| throughput | **{result.Throughput.PerSecond:N0} events/s** ({events:N0} events, first publish to last result: {result.Throughput.Elapsed.TotalSeconds:N1} s){(result.Results.Complete ? string.Empty : " (incomplete)")} |");
        text.AppendLine($"| plain MassTransit baseline, same broker, same N | {result.Baseline.Rate.PerSecond:N0} messages/s ({result.Baseline.Rate.Elapsed.TotalSeconds:N1} s; p50 {result.Baseline.Latency.PercentileMs(50):N0} ms, p99 {result.Baseline.Latency.PercentileMs(99):N0} ms) |");
        text.AppendLine($"| ratio | **{Units.Percent(result.RatioToBaseline, 1)}** of the baseline |");
        var cpu = result.Worker.Cpu;
        text.AppendLine($"| CPU per event, the stack | {result.StackCpuMsPerEvent:N2} ms (worker {cpu.Worker * 1000 / events:N2}, PostgreSQL {cpu.Postgres * 1000 / events:N2}, RabbitMQ {cpu.RabbitMq * 1000 / events:N2}, sandbox {cpu.Sandbox * 1000 / events:N2}): on {Cores} cores to itself, at most {Cores * 1000 / result.StackCpuMsPerEvent:N0} events/s |");
        text.AppendLine($"| CPU per message, the baseline | {result.Baseline.StackCpuMsPerMessage:N2} ms (bus {result.Baseline.Cpu.Benchmark * 1000 / result.Baseline.Rate.Count:N2}, RabbitMQ {result.Baseline.Cpu.RabbitMq * 1000 / result.Baseline.Rate.Count:N2}): at most {Cores * 1000 / result.Baseline.StackCpuMsPerMessage:N0} messages/s |");
        text.AppendLine($"| ratio if CPU were the only limit | {Units.Percent(result.CpuBoundRatio, 1)} (the baseline's CPU per message over the stack's per event; barely moved by other load on the machine) |");
        var path = result.WorkerPath;
        text.AppendLine($"| the worker's {path.Hops} hops alone, plain MassTransit, same N | {path.Rate.PerSecond:N0} messages/s = {Units.Percent(result.WorkerPathRatioToBaseline, 1)} of the baseline ({path.Rate.Elapsed.TotalSeconds:N1} s; CPU per message {path.StackCpuMsPerMessage:N2} ms: bus {path.Cpu.Benchmark * 1000 / path.Rate.Count:N2}, RabbitMQ {path.Cpu.RabbitMq * 1000 / path.Rate.Count:N2}) |");
        text.AppendLine($"| the worker over its hops alone | {Units.Percent(result.RatioToWorkerPath, 1)}: what the work at the hops (database, Walmart calls, saga) leaves of their rate |");
        WriteResults(text, result.Results);
        WriteLatency(text, result.Results.Latency);
        WriteWorker(text, result.Worker, events);
        text.AppendLine();
        text.AppendLine("Latency here is mostly queueing: every event is published within the first seconds and waits its turn, so the last events wait for nearly the whole run. Scenario 2 measures latency at a rate the worker keeps up with.");
        text.AppendLine();
    }

    private static void WriteSteady(StringBuilder text, SteadyLoadResult result)
    {
        text.AppendLine($"## 2. Latency under steady load ({result.Rate} events a second for {result.Duration.TotalSeconds:N0} s)");
        text.AppendLine();
        text.AppendLine($"{result.Workload}, published at {result.Published.PerSecond:N1} a second, after a warm-up at the same rate for {result.WarmUp.TotalSeconds:N0} s from the worker's start, on other orders.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine($"| latency | **p50 {result.Results.Latency.PercentileMs(50):N1} ms, p99 {result.Results.Latency.PercentileMs(99):N1} ms** |");
        WriteResults(text, result.Results);
        WriteLatency(text, result.Results.Latency);
        text.AppendLine($"| last result after the last event | {result.Lag.TotalMilliseconds:N0} ms |");
        text.AppendLine($"| warm-up: the first {result.WarmUp.TotalSeconds:N0} s after the worker started (outside the target) | p50 {result.ColdStart.PercentileMs(50):N1} ms, p99 {result.ColdStart.PercentileMs(99):N1} ms, max {result.ColdStart.MaxMs:N1} ms ({result.ColdStart.Count:N0} events) |");
        WriteWorker(text, result.Worker, result.Published.Count);
        WriteStages(text, result.Stages);
        text.AppendLine();
        text.AppendLine("Latency by 5 s of publishing time:");
        text.AppendLine();
        text.AppendLine("| from s | p50 ms | p99 ms | some task waiting for a CPU | some task waiting for the disk |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var window in result.LatencyOverTime)
        {
            text.AppendLine($"| {window.Second:N0} | {window.P50Ms:N1} | {window.P99Ms:N1} | {Stall(window.CpuWaiting)} | {Stall(window.IoWaiting)} |");
        }

        text.AppendLine();
        text.AppendLine("The last two columns are the kernel's pressure stall information (/proc/pressure): the share of the 5 s in which at least one task on the machine (of the stack, the benchmark, or anything else) was ready to run but had no CPU, or waited for the disk.");

        text.AppendLine();
    }

    private static void WriteStages(StringBuilder text, LatencyStages stages)
    {
        text.AppendLine();
        text.AppendLine($"Where the time goes, by part of the way ({stages.Events:N0} events with a Walmart operation of their own; the intake's and the operation's times as PostgreSQL recorded them, on the same clock):");
        text.AppendLine();
        text.AppendLine($"| part | covers | p50 ms | p99 ms | mean ms over the slowest {stages.SlowestEvents:N0} events (1%) |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var stage in stages.Stages)
        {
            text.AppendLine($"| {stage.Name} | {stage.Covers} | {stage.Latency.PercentileMs(50):N1} | {stage.Latency.PercentileMs(99):N1} | {stage.SlowestMeanMs:N1} |");
        }
    }

    private static string Stall(double? share) => share is { } value ? Units.Percent(value, 0) : "-";

    private static void WriteThrottled(StringBuilder text, ThrottledResult result)
    {
        var shipping = result.Limits.Shipping;
        text.AppendLine($"## 3. Throttled Walmart ({result.Sellers.Count} sellers, {result.Instances} worker instances)");
        text.AppendLine();
        text.AppendLine($"{result.Workload}, all queued at once. The sandbox grants each seller Walmart's limits (per seller and endpoint: {result.Limits.Describe()}); "
            + $"the {result.Instances} worker instances, on one broker and database, have their own buckets (`Walmart__RateLimits__*`) set above that ({result.WorkerLimits.Describe()}), "
            + "as a starting rate and ceiling, so they must learn each seller's grant from Walmart's answers (`x-current-token-count`, `x-next-replenish-time`, 429s). "
            + "The mix makes about 7 shipping calls for every cancel, so the shipping endpoint is the one it saturates and the one measured.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine($"| shipping calls accepted / allowed | **{Units.Percent(result.ShareOfAllowedRate, 1)}** ({result.Sellers.Sum(s => s.Accepted):N0} of {result.Sellers.Sum(s => s.Allowed):N0}); by seller lowest {Units.Percent(result.LowestSellerShare, 1)}, median {Units.Percent(result.MedianSellerShare, 1)} |");
        text.AppendLine($"| 429 answers | **{result.ThrottledPerThousandCalls:N2} per 1,000 calls** ({result.Throttled:N0} of {result.Calls:N0}) |");
        text.AppendLine($"| learnt shipping rate, mean over each seller's window | median over the sellers {result.MedianLearntShippingRate:N2} calls/s, granted {shipping.PerSecond:N2}, configured {result.WorkerLimits.Shipping.PerSecond:N2} |");
        text.AppendLine($"| calls by endpoint (429s) | {string.Join(", ", result.ByOperation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.Calls:N0} ({p.Value.Throttled:N0})"))} |");
        text.AppendLine($"| events | {result.Throughput.Count:N0} in {result.Throughput.Elapsed.TotalSeconds:N1} s ({result.Throughput.PerSecond:N1}/s); the allowed shipping rate is {result.Sellers.Count * shipping.PerSecond:N0} calls/s in all |");
        WriteResults(text, result.Results);
        text.AppendLine();
        text.AppendLine("In the span where every seller still had shipping calls waiting (see below); the learnt rate is read once a second from the `/metrics` of the instance calling for the seller (holding its lane):");
        text.AppendLine();
        text.AppendLine("| seller | accepted | 429 | window s | allowed | share | learnt calls/s | instance |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var seller in result.Sellers)
        {
            var learnt = result.LearntShippingRateOf(seller) is { } rate ? $"{rate:N2}" : "-";
            var instances = result.InstancesOf(seller.Seller) is { Count: > 0 } held ? string.Join(", ", held) : "-";
            text.AppendLine($"| {seller.Seller} | {seller.Accepted:N0} | {seller.Throttled:N0} | {seller.Window.TotalSeconds:N1} | {seller.Allowed:N0} | {Units.Percent(seller.Share, 1)} | {learnt} | {instances} |");
        }

        text.AppendLine();
    }

    private static void WriteBacklog(StringBuilder text, BacklogResult result)
    {
        text.AppendLine($"## 4. Backlog ({result.Events:N0} events queued before the worker starts)");
        text.AppendLine();
        text.AppendLine($"{result.Workload}. Published at {result.Published.PerSecond:N0} a second while the worker was stopped; {result.QueuedAtStart:N0} messages waited in `{ContractNames.IntakeQueue}` when it started.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(result.Results.Complete
            ? $"| drain time | **{result.DrainTime.TotalSeconds:N0} s** from the worker's launch to the last result ({result.DrainFromReady.TotalSeconds:N0} s from its start-up line), {result.EventsPerSecond:N0} events/s |"
            : $"| drain time | **not drained** within the benchmark's cap of {result.DrainTime.TotalSeconds:N0} s: {result.Results.Arrived:N0} of {result.Results.Expected:N0} results, {result.EventsPerSecond:N0} events/s; the whole backlog would take about **{result.ProjectedDrainTime.TotalSeconds:N0} s** at that rate |");
        text.AppendLine($"| peak worker memory | **{Units.Megabytes(result.Worker.PeakMemoryMiB):N0} MB** ({result.Worker.PeakMemoryMiB:N0} MiB) resident, the kernel's high-water mark (VmHWM) |");
        WriteResults(text, result.Results);
        WriteWorker(text, result.Worker, result.Events, includeMemory: false);
        text.AppendLine();
    }

    private static void WriteResults(StringBuilder text, ResultSummary results)
    {
        var types = string.Join(", ", results.ByType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"));
        text.AppendLine($"| results | {results.Arrived:N0} of {results.Expected:N0} expected{(results.Complete ? string.Empty : " (**incomplete**)")}: {types} |");
    }

    private static void WriteLatency(StringBuilder text, LatencyDistribution latency) =>
        text.AppendLine("| latency percentiles | "
            + string.Join(", ", LatencyDistribution.ReportedPercentiles.Select(p => $"p{p} {latency.PercentileMs(p):N1} ms"))
            + $", max {latency.MaxMs:N1} ms ({latency.Count:N0} events) |");

    private static void WriteWorker(StringBuilder text, WorkerMeasures worker, long events, bool includeMemory = true)
    {
        var calls = worker.Calls;
        var byOperation = calls.ByOperation is null
            ? "by endpoint: not kept (the sandbox keeps its newest 50,000 calls)"
            : string.Join(", ", calls.ByOperation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {(double)p.Value / events:N2}"));
        text.AppendLine($"| Walmart calls per event | {(double)calls.Total / events:N2} ({calls.Total:N0} calls; {byOperation}) |");
        var database = worker.Database;
        if (database.RoundTrips is { } roundTrips)
        {
            text.AppendLine($"| database statements per event (at most that many round trips) | {(double)roundTrips / events:N1} ({database.StatementCount:N0} statements, of which {database.StatementCount - roundTrips:N0} BEGIN/DISCARD ride with the next; {(double)database.Transactions / events:N1} transactions per event) |");
        }
        else
        {
            text.AppendLine($"| database transactions per event | {(double)database.Transactions / events:N1} (pg_stat_database; rows read {(double)database.RowsRead / events:N0}, written {(double)database.RowsWritten / events:N1} per event) |");
        }

        if (includeMemory)
        {
            text.AppendLine($"| peak worker memory | {Units.Megabytes(worker.PeakMemoryMiB):N0} MB ({worker.PeakMemoryMiB:N0} MiB) resident (VmHWM) |");
        }

        text.AppendLine($"| load average before / after | {worker.Load.Before} / {worker.Load.After} |");
    }

    private static void WriteWhereTheTimeGoes(StringBuilder text, BenchmarkReport report)
    {
        text.AppendLine("## Where the time goes");
        text.AppendLine();
        text.AppendLine("CPU time by process during each measured span (from /proc: user + system time), in ms per event. The machine has "
            + $"{report.Machine.Cores} cores, so it offers {report.Machine.Cores * 1000:N0} ms of CPU a second; \"other\" is every process outside the benchmark (other engineers' builds and tests, the system).");
        text.AppendLine();
        text.AppendLine("| scenario | events | span s | worker | sandbox | RabbitMQ | PostgreSQL | stack | benchmark | other | machine busy |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        void Row(string name, long events, WorkerMeasures worker)
        {
            var cpu = worker.Cpu;
            var span = cpu.MachineCapacity / report.Machine.Cores;
            string PerEvent(double seconds) => $"{seconds * 1000 / events:N2}";
            text.AppendLine($"| {name} | {events:N0} | {span:N0} | {PerEvent(cpu.Worker)} | {PerEvent(cpu.Sandbox)} | {PerEvent(cpu.RabbitMq)} | {PerEvent(cpu.Postgres)} | **{PerEvent(cpu.Stack)}** | {PerEvent(cpu.Benchmark)} | {PerEvent(cpu.Other)} | {Units.Percent(cpu.MachineBusy / cpu.MachineCapacity, 0)} |");
        }

        if (report.Throughput is { } throughput)
        {
            Row("1 throughput", throughput.Events, throughput.Worker);
        }

        if (report.Steady is { } steady)
        {
            Row("2 steady", steady.Published.Count, steady.Worker);
        }

        if (report.Throttled is { } throttled)
        {
            Row("3 throttled", throttled.Throughput.Count, throttled.Worker);
        }

        if (report.Backlog is { } backlog)
        {
            Row("4 backlog", backlog.Events, backlog.Worker);
        }

        text.AppendLine();
        text.AppendLine("\"stack\" is the system under test (worker, sandbox, RabbitMQ, PostgreSQL). With the machine to itself the stack could do at most "
            + $"{Cores * 1000:N0} ms / (stack ms per event) events a second; beside other processes it gets less CPU, and the time it waits for CPU shows as latency.");
        text.AppendLine();
        var statements = (report.Throughput?.Worker ?? report.Backlog?.Worker ?? report.Steady?.Worker)?.Database.Statements;
        var events = report.Throughput?.Events ?? report.Backlog?.Events ?? report.Steady?.Published.Count ?? 1;
        if (statements is { Count: > 0 })
        {
            text.AppendLine("Database statements per event (pg_stat_statements, the first scenario above), most frequent first:");
            text.AppendLine();
            text.AppendLine("| per event | mean ms | statement |");
            text.AppendLine("| ---: | ---: | --- |");
            foreach (var statement in statements.Take(15))
            {
                var query = statement.Query.Length > 140 ? statement.Query[..140] + "…" : statement.Query;
                text.AppendLine($"| {(double)statement.Calls / events:N2} | {statement.TotalMilliseconds / statement.Calls:N3} | `{query.Replace("|", "\\|", StringComparison.Ordinal)}` |");
            }

            text.AppendLine();
        }
    }

    private static void WriteDefinitions(StringBuilder text, BenchmarkReport report)
    {
        text.AppendLine("## What the figures mean");
        text.AppendLine();
        text.AppendLine($"- **Events**: {Units.Percent(WorkloadPlanner.ShipmentShare, 0)} shipments, {Units.Percent(WorkloadPlanner.TrackShare, 0)} tracks, {Units.Percent(WorkloadPlanner.CancellationShare, 0)} cancellations, over orders the sandbox generated (about four events an order, ten sellers). Every shipment ships units its order has, and no unit twice; each track follows a shipment saved without a track (so shipments with a track are 50% of the events, shipments waiting for their track 20%); a cancellation comes last, on an order that keeps at least one unit unshipped. Events of one order are spread through the stream. Each event is a raw CloudEvent with a unique `id` and `time` set as it is published.");
        text.AppendLine("- **Results**: each CloudEvent on `channel-manager.sync-results` is matched to its event by `data.causationId`. A shipment with its track, a track, and a cancellation each get one result; a shipment waiting for its track gets none of its own (the track's result covers it). **Every result has arrived** when each event that gets a result has one (the first result per `causationId` counts; a `walmart.order.sync.failed` counts as arrived and is reported). The results listener's queue is bound with `#` before the first event is published.");
        text.AppendLine("- **Throughput**: events published (all of them, those without a result included) divided by the time from the first publish to the arrival of the last expected result.");
        text.AppendLine("- **Latency**: result received by the listener minus the event's CloudEvent `time`, for the events that get a result.");
        text.AppendLine($"- **Baseline**: a plain MassTransit 8.5 bus in the benchmark's process, on the same broker (its own virtual host), with the worker's prefetch ({Baseline.MassTransitBaseline.PrefetchCount}) and concurrency ({Baseline.MassTransitBaseline.ConcurrentMessageLimit}): one consumer receives a small message and publishes a result, a second consumer receives the results; N messages published as fast as the broker confirms, timed to the N-th result consumed (after 500 messages of warm-up). That is 2 broker hops per message, where an event in the worker makes 5 (intake, saga, Walmart operation, saga, result) plus 2 Walmart calls and its database work. **The worker's hops alone**: the same bus and N, each message passed on by three more consumers (sent to a relay queue, consumed and sent on) before its result: 5 hops a message with no work done at them, the most any implementation of this path could reach.");
        text.AppendLine(report.StatementStatistics
            ? "- **Database statements**: statements the scenario's database executed (pg_stat_statements, which the benchmark's own PostgreSQL loads), less the BEGIN and DISCARD ALL that Npgsql sends in one write with the statement after them; COMMIT counts. Statements the worker sends together in one batch count one each, so round trips are fewer."
            : "- **Database round trips**: pg_stat_statements is not loaded, so transactions (commits + rollbacks, pg_stat_database) are reported: each transaction is at least one round trip.");
        text.AppendLine("- **Walmart calls**: calls the sandbox recorded during the span (token calls included), over the events published.");
        text.AppendLine("- **Peak memory**: the worker process's resident set high-water mark (VmHWM from /proc, also sampled every 200 ms), in MB (10^6 bytes) and MiB.");
        text.AppendLine("- **Allowed Walmart rate**: the sellers have the same number of orders and every event is queued at once; the span measured ends when the first seller has made 80% of its shipping calls, so that within it every seller still had calls waiting. Per seller, allowed = a full bucket of the sandbox's grant plus one call per refill from its first shipping call to the end of the span; the share is accepted shipping calls in the span over allowed, summed over the sellers. 429s per 1,000 are over every Walmart call of the scenario. **Learnt rate**: `ordersync_walmart_budget_rate_per_second{endpoint=\"Shipping\"}` from each instance's `/metrics` every second; a seller's lane has one active consumer, so the value is the one of the instance whose `ordersync_walmart_budget_calls_total` for that seller grew, not a sum over instances.");
        text.AppendLine("- Each scenario has a fresh virtual host, database and sandbox; the worker runs as its own process (three of them in scenario 3) with its default settings (prefetch 32, 16 messages at once per queue, Information logging to a file).");
        text.AppendLine();
    }
}
