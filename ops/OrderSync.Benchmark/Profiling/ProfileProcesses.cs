namespace OrderSync.Benchmark.Profiling;

/// <summary>The processes of the stack, to tell perf's samples apart; PostgreSQL's are known by their name (one a connection).</summary>
public sealed record ProfileProcesses(int Worker, int? Sandbox, int? RabbitMq, int Benchmark)
{
    public const string WorkerName = "worker";
    public const string PostgresName = "PostgreSQL";

    public string Of(ProfileSample sample) => sample.ProcessId switch
    {
        var id when id == Worker => WorkerName,
        var id when id == Sandbox => "sandbox",
        var id when id == RabbitMq => "RabbitMQ",
        var id when id == Benchmark => "benchmark",
        0 => "idle",
        _ when sample.Command == "postgres" => PostgresName,
        _ => "other",
    };
}
