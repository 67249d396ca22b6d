using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>Scenario 1: the worker dies without warning (SIGKILL) in the middle of 2,000 events; a new one takes over.</summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class WorkerKilledMidLoadTests
{
    [Fact]
    public async Task A_worker_killed_with_sigkill_in_the_middle_of_2000_events_and_restarted_loses_none_and_ships_nothing_twice()
    {
        var workload = Workload.TwoThousandEvents(seed: 1);
        workload.Events.Count.ShouldBe(2000);
        await using var scenario = await FaultScenario.Start("sigkill", workload);
        var settings = FaultWorker.Settings();

        var first = await scenario.StartWorker(settings, "first");
        await scenario.Publish(workload.Events);
        await Eventually.True(() => scenario.Answered() >= 500, "500 events answered before the kill", TimeSpan.FromMinutes(3));
        await first.Kill();
        var answeredAtKill = scenario.Answered();
        var killedAfter = scenario.Elapsed;

        // What the dead worker held unacknowledged is back in its queues at once (the broker saw the connection drop).
        await Task.Delay(TimeSpan.FromSeconds(1));
        var queuedAtKill = await scenario.QueuedMessages();

        await scenario.StartWorker(settings, "restarted");
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(4));

        var problems = await scenario.Finish(
            "1. Worker killed (SIGKILL) mid-load, restarted",
            "1-sigkill",
            _ => $"SIGKILL {killedAfter.TotalSeconds:0} s into the load, {answeredAtKill} of {workload.Events.Count} events answered and {queuedAtKill} messages still queued; a new worker process took over");
        if (answeredAtKill >= workload.Events.Count || queuedAtKill == 0)
        {
            problems.Add("the load was over before the kill; the scenario proves nothing");
        }

        await scenario.ShouldHaveNoProblems(problems);
    }
}
