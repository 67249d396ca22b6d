namespace OrderSync.Benchmark.Infrastructure;

/// <summary>CPU seconds spent during a measured span, by process group; <see cref="Other"/> is everything else on the machine.</summary>
public sealed record CpuUsage(double Worker, double Sandbox, double Benchmark, double RabbitMq, double Postgres, double MachineBusy, double MachineCapacity)
{
    /// <summary>Busy CPU time of processes outside the benchmark: other engineers' builds and tests, the system.</summary>
    public double Other => Math.Max(0, MachineBusy - Worker - Sandbox - Benchmark - RabbitMq - Postgres);

    /// <summary>The processes of the system under test: worker, sandbox, RabbitMQ, PostgreSQL (not the benchmark's own load generation).</summary>
    public double Stack => Worker + Sandbox + RabbitMq + Postgres;

    public static CpuUsage operator -(CpuUsage end, CpuUsage start) => new(
        end.Worker - start.Worker,
        end.Sandbox - start.Sandbox,
        end.Benchmark - start.Benchmark,
        end.RabbitMq - start.RabbitMq,
        end.Postgres - start.Postgres,
        end.MachineBusy - start.MachineBusy,
        end.MachineCapacity - start.MachineCapacity);

    public CpuUsage Subtract(CpuUsage start) => this - start;
}
