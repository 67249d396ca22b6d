using System.Diagnostics;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Scenario 3: PostgreSQL stops under load for 20 seconds and comes back. Messages that fail meanwhile wait in the worker's
/// durable wait queues (walmart-sync.wait-*) and come back once the database is there again.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task Postgres_stopped_for_20_seconds_under_load_loses_nothing_and_what_failed_meanwhile_comes_back_through_the_wait_queues()
    {
        var workload = Workload.ForOutage(seed: 3);
        await using var scenario = await FaultScenario.Start("postgres-outage", workload);
        var worker = await scenario.StartWorker(FaultWorker.Settings());

        var publishing = scenario.Publish(workload.Events, pause: TimeSpan.FromMilliseconds(40));
        await Eventually.True(() => scenario.Answered() >= 60, "some events answered before the outage", TimeSpan.FromMinutes(2));
        var answeredBefore = scenario.Answered();
        await FaultServices.StopPostgres();
        var outage = Stopwatch.StartNew();
        var waiting = await WaitQueueDepths(scenario, TimeSpan.FromSeconds(20));
        var readyDuringOutage = await worker.IsReady();
        var answeredDuringOutage = scenario.Answered() - answeredBefore;
        await FaultServices.StartAll();
        var down = outage.Elapsed;

        await worker.WaitUntilReady(TimeSpan.FromMinutes(1));
        await publishing;
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(3));

        var retries = await WorkerMetrics.Sum(worker, "ordersync_retries_total");
        var problems = await scenario.Finish(
            "3. PostgreSQL stopped under load, restarted",
            "3-postgres-outage",
            _ => $"database stopped with {answeredBefore} events answered, down {down.TotalSeconds:0} s; up to {waiting} messages waiting in walmart-sync.wait-* at once, "
                + $"{retries:0} redeliveries through them in all; the same worker process carried on");
        if (readyDuringOutage)
        {
            problems.Add("/health/ready answered 200 while the database was down");
        }

        if (worker.HasExited)
        {
            problems.Add("the worker exited; it must ride out a database outage");
        }

        if (answeredBefore >= workload.Events.Count)
        {
            problems.Add("the load was over before the outage; the scenario proves nothing");
        }

        if (waiting == 0)
        {
            problems.Add($"nothing waited for redelivery during the outage ({answeredDuringOutage} events answered meanwhile)");
        }

        await scenario.ShouldHaveNoProblems(problems);
    }

    /// <summary>Watches the wait queues for a while; returns the most messages seen waiting at once.</summary>
    private static async Task<uint> WaitQueueDepths(FaultScenario scenario, TimeSpan during)
    {
        await using var broker = await BrokerProbe.Connect(scenario.Environment.RabbitMq);
        string[] queues = ["walmart-sync.wait-1s", "walmart-sync.wait-2s", "walmart-sync.wait-5s"];
        uint most = 0;
        var until = DateTimeOffset.UtcNow + during;
        while (DateTimeOffset.UtcNow < until)
        {
            uint now = 0;
            foreach (var queue in queues)
            {
                now += await broker.Depth(queue);
            }

            most = Math.Max(most, now);
            await Task.Delay(200);
        }

        return most;
    }
}
