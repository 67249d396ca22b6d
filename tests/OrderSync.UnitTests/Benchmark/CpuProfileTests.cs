using OrderSync.Benchmark.Profiling;

namespace OrderSync.UnitTests.Benchmark;

public sealed class CpuProfileTests
{
    // The shape of `perf script -F comm,pid,ip,sym,dso` over a recording with call graphs (shortened).
    private const string PerfScript = """
        .NET TP Worker  4100 
        	    7fd832d7e31a instance void [Npgsql] Npgsql.NpgsqlCommand::ProcessRawQuery()[Optimized] (/tmp/perf-4100.map)
        	    7fd834146e70 instance class Task [OrderSync.Worker] OrderSync.Worker.SagaRepository.PostgresSagaSession`1::Load()[Optimized] (/tmp/perf-4100.map)
        	    7fd834146e99 instance class Task [MassTransit] MassTransit.Middleware.ScopedConsumeFilter`2::Send()[Optimized] (/tmp/perf-4100.map)

        .NET TP Worker  4100 
        	ffffffff8123abcd tcp_sendmsg ([kernel.kallsyms])
        	    7fd832d7e000 instance class Task [OrderSync.Worker] OrderSync.Worker.WalmartOperations.ExecuteWalmartOperationConsumer::Consume()[Optimized] (/tmp/perf-4100.map)
        	    7fd834146e99 instance class Task [MassTransit] MassTransit.Middleware.ScopedConsumeFilter`2::Send()[Optimized] (/tmp/perf-4100.map)

        .NET TP Worker  4100 
        	    7fd8ac3fc897 [unknown] (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)

        postgres  5200 
        	    55d0000001 XLogFlush (/usr/lib/postgresql/15/bin/postgres)
        	    55d0000002 RecordTransactionCommit (/usr/lib/postgresql/15/bin/postgres)
        	    55d0000003 PortalRun (/usr/lib/postgresql/15/bin/postgres)

        postgres  5201 
        	    55d0000004 ExecScan (/usr/lib/postgresql/15/bin/postgres)
        	    55d0000003 PortalRun (/usr/lib/postgresql/15/bin/postgres)

        2_scheduler  3000 
        	    7f0000000001 [unknown] (/usr/lib/erlang/erts-12.2/bin/beam.smp)

        kworker/0:1  12 
        	ffffffff81000001 worker_thread ([kernel.kallsyms])

        swapper  0 
        	ffffffff81000002 default_idle ([kernel.kallsyms])

        """;

    [Fact]
    public void Samples_are_read_with_their_process_and_frames_innermost_first()
    {
        var samples = PerfScriptReader.Read(new StringReader(PerfScript)).ToList();

        samples.Count.ShouldBe(8);
        samples[0].Command.ShouldBe(".NET TP Worker");
        samples[0].ProcessId.ShouldBe(4100);
        samples[0].Frames.Count.ShouldBe(3);
        samples[0].Frames[0].ShouldStartWith("instance void [Npgsql] Npgsql.NpgsqlCommand::ProcessRawQuery");
        samples[6].Command.ShouldBe("kworker/0:1");
        samples[6].Frames.ShouldHaveSingleItem().ShouldBe("worker_thread ([kernel.kallsyms])");
    }

    [Fact]
    public void Each_sample_counts_for_its_process_and_inside_the_worker_for_the_consumer_on_its_stack()
    {
        var samples = PerfScriptReader.Read(new StringReader(PerfScript));

        var profile = CpuProfile.Of(samples, new ProfileProcesses(Worker: 4100, Sandbox: 4200, RabbitMq: 3000, Benchmark: 4000));

        profile.Samples.ShouldBe(8);
        Share(profile.Processes, "worker").ShouldBe(3);
        Share(profile.Processes, "PostgreSQL").ShouldBe(2);
        Share(profile.Processes, "RabbitMQ").ShouldBe(1);
        Share(profile.Processes, "other").ShouldBe(1);
        Share(profile.Processes, "idle").ShouldBe(1);
        profile.Processes[0].Share.ShouldBe(3.0 / 8, tolerance: 1e-9);

        Share(profile.WorkerParts, "saga (rules, store, outbox, results)").ShouldBe(1);
        Share(profile.WorkerParts, "Walmart operation (its consumer and HTTP client)").ShouldBe(1);
        Share(profile.WorkerParts, "runtime (GC, JIT, thread pool)").ShouldBe(1);

        Share(profile.WorkerCode, "managed code (JIT-compiled)").ShouldBe(1);
        Share(profile.WorkerCode, "kernel (sockets, scheduling, memory)").ShouldBe(1);
        Share(profile.WorkerCode, "the runtime (GC, JIT, stubs)").ShouldBe(1);

        Share(profile.PostgresWork, "commit (WAL write and flush)").ShouldBe(1);
        Share(profile.PostgresWork, "execute (scans, index, heap, jsonb)").ShouldBe(1);
    }

    [Fact]
    public void The_markdown_shows_each_table_with_its_shares()
    {
        var profile = CpuProfile.Of(PerfScriptReader.Read(new StringReader(PerfScript)), new ProfileProcesses(4100, null, null, 4000));

        var markdown = CpuProfileWriter.Markdown(profile, "scenario 1's burst", TimeSpan.FromSeconds(10));

        markdown.ShouldContain("# CPU profile: scenario 1's burst, 10 s from the first publish");
        markdown.ShouldContain("| worker | 3 | 37.5% |");
        markdown.ShouldContain("## PostgreSQL's backends, by activity");
        markdown.ShouldContain("| commit (WAL write and flush) | 1 | 50.0% |");
    }

    private static int Share(IReadOnlyList<ProfileShare> shares, string name) =>
        shares.SingleOrDefault(share => share.Name == name)?.Samples ?? 0;
}
