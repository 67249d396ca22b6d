using System.Globalization;

namespace OrderSync.Benchmark;

/// <summary>The command line of the benchmark; <c>--quick</c> scales every scenario down to finish in a few minutes.</summary>
public sealed class BenchmarkOptions
{
    public const string Usage = """
        usage: OrderSync.Benchmark [--quick] [--scenarios throughput,steady,throttled,backlog] [--output DIR] [--docs DIR | --no-docs]
                                   [--repo-root DIR] [--services-state DIR] [--seed N]
                                   [--events N] [--orders N] [--steady-rate N] [--steady-seconds N] [--steady-warm-up N]
                                   [--throttled-events N] [--backlog-events N] [--trace-worker PATH-TO-dotnet-trace]
                                   [--perf PATH-TO-perf]
        Reads ConnectionStrings__RabbitMq, ConnectionStrings__Postgres and ORDERSYNC_RABBITMQ_MANAGEMENT_URL (eval "$(bash ops/services.sh env)").
        """;

    public bool Quick { get; private set; }

    public IReadOnlyList<ScenarioKind> Scenarios { get; private set; } = Enum.GetValues<ScenarioKind>();

    public string? RepositoryRoot { get; private set; }

    public string? OutputDirectory { get; private set; }

    /// <summary>Where the latest report is copied for the README (default docs/benchmark); null with --no-docs.</summary>
    public string? DocsDirectory { get; private set; } = Path.Combine("docs", "benchmark");

    /// <summary>The ops/services.sh state folder of the broker and database, to find their processes for CPU accounting.</summary>
    public string? ServicesStateDirectory { get; private set; }

    public int Seed { get; private set; } = 20260314;

    public int ThroughputEvents { get; private set; }

    /// <summary>Zero: a quarter of the events, so that an order gets about four events.</summary>
    public int ThroughputOrders { get; private set; }

    public int SteadyRate { get; private set; } = 100;

    public int SteadySeconds { get; private set; }

    /// <summary>
    /// The steady scenario's warm-up at the same rate, from the worker's start, before the measured time; also with --quick,
    /// because a worker started into 100 events a second needs 10-15 s to catch up.
    /// </summary>
    public int SteadyWarmUpSeconds { get; private set; }

    public int ThrottledEvents { get; private set; }

    public int BacklogEvents { get; private set; }

    /// <summary>dotnet-trace, to sample the worker's threads during scenario 1's burst; null: no trace.</summary>
    public string? TraceTool { get; private set; }

    /// <summary>perf, to sample every core during scenario 1's burst (cpu-profile.md beside the report); null: no profile.</summary>
    public string? PerfTool { get; private set; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        int? events = null, orders = null, steadySeconds = null, steadyWarmUp = null, throttled = null, backlog = null;
        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name} needs a value");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new ArgumentException($"{name} needs a positive whole number");

            switch (name)
            {
                case "--quick":
                    options.Quick = true;
                    break;
                case "--scenarios":
                    options.Scenarios = ParseScenarios(Value());
                    break;
                case "--output":
                    options.OutputDirectory = Value();
                    break;
                case "--docs":
                    options.DocsDirectory = Value();
                    break;
                case "--no-docs":
                    options.DocsDirectory = null;
                    break;
                case "--repo-root":
                    options.RepositoryRoot = Value();
                    break;
                case "--services-state":
                    options.ServicesStateDirectory = Value();
                    break;
                case "--seed":
                    options.Seed = Number();
                    break;
                case "--events":
                    events = Number();
                    break;
                case "--orders":
                    orders = Number();
                    break;
                case "--steady-rate":
                    options.SteadyRate = Number();
                    break;
                case "--steady-seconds":
                    steadySeconds = Number();
                    break;
                case "--steady-warm-up":
                    steadyWarmUp = Number();
                    break;
                case "--throttled-events":
                    throttled = Number();
                    break;
                case "--backlog-events":
                    backlog = Number();
                    break;
                case "--trace-worker":
                    options.TraceTool = Value();
                    break;
                case "--perf":
                    options.PerfTool = Value();
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(string.Empty);
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }

        options.ThroughputEvents = events ?? (options.Quick ? 2_000 : 10_000);
        options.ThroughputOrders = orders ?? 0;
        options.SteadySeconds = steadySeconds ?? (options.Quick ? 20 : 60);
        options.SteadyWarmUpSeconds = steadyWarmUp ?? 15;
        options.ThrottledEvents = throttled ?? (options.Quick ? 500 : 1_200);
        options.BacklogEvents = backlog ?? (options.Quick ? 10_000 : 100_000);
        return options;
    }

    private static ScenarioKind[] ParseScenarios(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var scenarios = new List<ScenarioKind>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<ScenarioKind>(name, ignoreCase: true, out var scenario) || !Enum.IsDefined(scenario))
            {
                throw new ArgumentException($"unknown scenario '{name}'; choose from throughput, steady, throttled, backlog");
            }

            scenarios.Add(scenario);
        }

        return scenarios.Count > 0 ? [.. scenarios.Distinct().Order()] : throw new ArgumentException("--scenarios names none");
    }
}
