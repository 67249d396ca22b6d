using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Scenario 5: three worker processes consume the same queues, with each order's events interleaved with every other order's and
/// several events of one order in flight at once on different processes; each seller's Walmart calls come from one process, its lane's.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class CompetingWorkersTests
{
    [Fact]
    public async Task Three_worker_processes_competing_on_interleaved_events_leave_every_order_right_with_nothing_shipped_or_cancelled_twice()
    {
        var workload = Workload.Build(
            seed: 5,
            (OrderScript.ManyShipments, 50),
            (OrderScript.ShipPartThenCancel, 40),
            (OrderScript.Retrack, 30),
            (OrderScript.DeliveredTwice, 30),
            (OrderScript.ShipThenTrack, 30));
        await using var scenario = await FaultScenario.Start("three-workers", workload);
        var settings = FaultWorker.Settings();
        var workers = new List<WorkerProcess>();
        for (var index = 1; index <= 3; index++)
        {
            workers.Add(await scenario.StartWorker(settings));
        }

        var firstWave = workload.Wave(1).ToList();
        await scenario.Publish(firstWave);
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(3), firstWave);

        // A cancellation goes out once the order's shipments are synced: Commerce cannot cancel what it shipped, and one that overtook
        // a shipment made before it would cancel that shipment's lines.
        await scenario.Publish(workload.Wave(2));
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(2));

        // Each seller's calls go through its lane, which one process reads at a time: the saga's queue is where they compete.
        var took = new List<double>();
        var sellersSplit = new List<string>();
        foreach (var seller in new[] { "walmart_us", "walmart_ca" })
        {
            var calls = new List<double>();
            foreach (var worker in workers)
            {
                calls.Add(await WorkerMetrics.Sum(worker, "ordersync_walmart_budget_calls_total", $"seller=\"{seller}\""));
            }

            if (calls.Count(count => count > 0) != 1)
            {
                sellersSplit.Add($"{seller} ({string.Join(", ", calls)})");
            }
        }

        foreach (var worker in workers)
        {
            took.Add(await WorkerMetrics.Sum(worker, "ordersync_walmart_calls_total"));
        }

        var problems = await scenario.Finish(
            "5. Three worker processes competing",
            "5-three-workers",
            _ => $"3 worker processes on the same queues, each order's events interleaved with the others' (cancellations in a second wave); Walmart calls made by each: {string.Join(", ", took)}");
        if (sellersSplit.Count > 0)
        {
            problems.Add($"a seller's calls came from more than one process: {string.Join("; ", sellersSplit)}");
        }

        await scenario.ShouldHaveNoProblems(problems);
    }
}
