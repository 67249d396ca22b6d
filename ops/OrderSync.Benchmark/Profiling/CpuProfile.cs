namespace OrderSync.Benchmark.Profiling;

/// <summary>
/// Where the CPU went while perf sampled every core: by process, then inside the worker by its part (the consumer whose code is
/// on the stack) and by kind of code, and inside PostgreSQL by what its backends were doing.
/// </summary>
public sealed record CpuProfile(
    int Samples,
    IReadOnlyList<ProfileShare> Processes,
    IReadOnlyList<ProfileShare> WorkerParts,
    IReadOnlyList<ProfileShare> WorkerCode,
    IReadOnlyList<ProfileShare> PostgresWork)
{
    // First match wins: the Walmart operation's consumer before the saga, whose messages it publishes.
    private static readonly ProfileCategory[] WorkerPartCategories =
    [
        ProfileCategory.Of("intake (CommerceEventConsumer)", @"CommerceEventConsumer"),
        ProfileCategory.Of("Walmart operation (its consumer and HTTP client)", @"ExecuteWalmartOperationConsumer|OrderSync\.Worker\.WalmartOperations|OrderSync\.Walmart\.|System\.Net\.Http"),
        ProfileCategory.Of("saga (rules, store, outbox, results)", @"OrderSync\.Domain|OrderSync\.Worker\.Saga|OrderSync\.Worker\.Results|PostgresSaga|StateMachine"),
        ProfileCategory.Of("broker client outside a consumer (receiving, confirms)", @"RabbitMQ\.Client|MassTransit\.RabbitMqTransport"),
        ProfileCategory.Of("PostgreSQL client outside a consumer", @"Npgsql"),
        ProfileCategory.Of("runtime (GC, JIT, thread pool)", @"libcoreclr|libclrjit|ThreadPool"),
    ];

    private static readonly ProfileCategory[] CodeCategories =
    [
        ProfileCategory.Of("managed code (JIT-compiled)", @"\(/tmp/perf-\d+\.map\)|\[JIT\]"),
        ProfileCategory.Of("kernel (sockets, scheduling, memory)", @"\(\[kernel\.kallsyms\]\)"),
        ProfileCategory.Of("the runtime (GC, JIT, stubs)", @"libcoreclr|libclrjit"),
        ProfileCategory.Of("C library", @"libc\.so"),
    ];

    // First match wins: a commit's WAL flush runs under the command that ends the transaction.
    private static readonly ProfileCategory[] PostgresCategories =
    [
        ProfileCategory.Of("commit (WAL write and flush)", @"XLogFlush|RecordTransactionCommit|CommitTransaction\b|XLogWrite|issue_xlog_fsync"),
        ProfileCategory.Of("parse, analyse, plan", @"exec_parse_message|pg_parse_query|raw_parser|pg_analyze|parse_analyze|pg_plan_queries|planner|CachedPlan"),
        ProfileCategory.Of("locks (waiting for another backend)", @"LWLock|ProcSleep|PGSemaphore|futex"),
        ProfileCategory.Of("execute (scans, index, heap, jsonb)", @"PortalRun|ExecutorRun|ExecutorStart|ExecutorEnd|ExecInit"),
        ProfileCategory.Of("bind and describe", @"exec_bind_message|exec_describe"),
        ProfileCategory.Of("client protocol (read, send, wait)", @"pq_getbyte|pq_getmessage|secure_read|secure_write|pq_flush|internal_flush|WaitEventSetWait|epoll"),
    ];

    public static CpuProfile Of(IEnumerable<ProfileSample> samples, ProfileProcesses processes)
    {
        var byProcess = samples.Select(sample => (Sample: sample, Process: processes.Of(sample))).ToList();
        List<ProfileSample> SamplesOf(string process) => [.. byProcess.Where(s => s.Process == process).Select(s => s.Sample)];
        var worker = SamplesOf(ProfileProcesses.WorkerName);
        return new CpuProfile(
            byProcess.Count,
            Shares(byProcess, s => s.Process),
            Shares(worker, s => ProfileCategory.Classify(s.Frames, WorkerPartCategories, "other (continuations no consumer's code is on)")),
            Shares(worker, s => ProfileCategory.Classify(s.Frames.Take(1), CodeCategories, "other")),
            Shares(SamplesOf(ProfileProcesses.PostgresName), s => ProfileCategory.Classify(s.Frames, PostgresCategories, "other")));
    }

    private static List<ProfileShare> Shares<T>(IReadOnlyCollection<T> samples, Func<T, string> classify) =>
    [
        .. samples.GroupBy(classify)
            .Select(group => new ProfileShare(group.Key, group.Count(), samples.Count == 0 ? 0 : (double)group.Count() / samples.Count))
            .OrderByDescending(share => share.Samples),
    ];
}
