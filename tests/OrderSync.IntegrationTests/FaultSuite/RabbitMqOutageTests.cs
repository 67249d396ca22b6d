using System.Diagnostics;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>Scenario 2: RabbitMQ stops under load for 20 seconds and comes back; the worker, never restarted, reconnects by itself.</summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class RabbitMqOutageTests
{
    [Fact]
    public async Task RabbitMq_stopped_for_20_seconds_under_load_loses_nothing_and_the_same_worker_reconnects_by_itself()
    {
        var workload = Workload.ForOutage(seed: 2);
        await using var scenario = await FaultScenario.Start("rabbitmq-outage", workload);
        var worker = await scenario.StartWorker(FaultWorker.Settings());

        // Commerce keeps publishing through the outage: its publishes wait for the broker and are sent again until confirmed.
        var publishing = scenario.Publish(workload.Events, pause: TimeSpan.FromMilliseconds(60));
        await Eventually.True(() => scenario.Answered() >= 60, "some events answered before the outage", TimeSpan.FromMinutes(2));
        var answeredBefore = scenario.Answered();
        var outage = Stopwatch.StartNew();
        await FaultServices.StopRabbitMq();
        var stopped = outage.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(20));
        worker.HasExited.ShouldBeFalse("the worker must ride out a broker outage, not exit");
        var readyDuringOutage = await worker.IsReady();
        await FaultServices.StartAll();
        var down = outage.Elapsed;

        // Reconnected: results flow again, from the same process, without anyone restarting it.
        var backAt = Stopwatch.StartNew();
        var resultsWhenBack = scenario.Results.Results.Count;
        await Eventually.True(() => scenario.Results.Results.Count > resultsWhenBack, "results to flow again after the broker came back", TimeSpan.FromMinutes(2));
        var flowingAgain = backAt.Elapsed;
        await worker.WaitUntilReady(TimeSpan.FromMinutes(1));
        await publishing;
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(3));

        var problems = await scenario.Finish(
            "2. RabbitMQ stopped under load, restarted",
            "2-rabbitmq-outage",
            _ => $"broker stopped with {answeredBefore} events answered ({stopped.TotalSeconds:0} s to stop), kept down 20 s, started again: unreachable {down.TotalSeconds:0} s in all; "
                + $"the same worker process (never restarted) had results flowing again {flowingAgain.TotalSeconds:0} s after the broker was back; Commerce sent {scenario.Commerce.Retries} publishes again");
        if (readyDuringOutage)
        {
            problems.Add("/health/ready answered 200 while the broker was down (README: ready covers the broker)");
        }

        if (worker.HasExited)
        {
            problems.Add("the worker exited; it must reconnect by itself");
        }

        if (answeredBefore >= workload.Events.Count)
        {
            problems.Add("the load was over before the outage; the scenario proves nothing");
        }

        if (scenario.Commerce.Retries == 0)
        {
            problems.Add("the outage did not hit the publishing; the scenario proves less than it claims");
        }

        await scenario.ShouldHaveNoProblems(problems);
    }
}
