using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// Scenario 4: Walmart in a storm. Of the order calls, 30% answer 5xx, 10% hang until the worker's 3-second timeout, 5% apply the
/// change and then answer 503 (the worker never learns it worked), and each seller may make 5 calls a second per endpoint (429
/// beyond). Every order must still converge, with no unit shipped twice and nothing dead-lettered for a fault that was transient.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
[Trait("Category", FaultSuiteCollection.Category)]
public sealed class SandboxStormTests
{
    [Fact]
    public async Task A_storm_of_5xx_hangs_apply_then_fail_and_throttling_ends_with_every_order_right_nothing_shipped_twice_and_nothing_dead_lettered()
    {
        var workload = Workload.Build(
            seed: 4,
            (OrderScript.Ship, 30),
            (OrderScript.ShipThenTrack, 10),
            (OrderScript.Cancel, 10),
            (OrderScript.TwoShipments, 10),
            (OrderScript.Retrack, 10),
            (OrderScript.DeliveredTwice, 5));
        await using var scenario = await FaultScenario.Start(
            "storm",
            workload,
            "--Sandbox:Throttle:Enabled=true",
            "--Sandbox:Throttle:GetOrder:Capacity=5",
            "--Sandbox:Throttle:GetOrder:RefillEvery=00:00:00.200",
            "--Sandbox:Throttle:Shipping:Capacity=5",
            "--Sandbox:Throttle:Shipping:RefillEvery=00:00:00.200",
            "--Sandbox:Throttle:Cancel:Capacity=5",
            "--Sandbox:Throttle:Cancel:RefillEvery=00:00:00.200");

        // The sandbox takes the first failing rule that fires, each rule drawing on its own; these rates make the shares of all
        // order calls 5% apply-then-503, 10% hang, 15% 503 and 15% 500.
        await scenario.Sandbox.AddFault(new { fault = "apply-then-503", rate = 0.05 });
        await scenario.Sandbox.AddFault(new { fault = "hang", rate = 0.10 / 0.95 });
        await scenario.Sandbox.AddFault(new { fault = "503", rate = 0.15 / 0.85 });
        await scenario.Sandbox.AddFault(new { fault = "500", rate = 0.15 / 0.70 });
        await scenario.StartWorker(FaultWorker.Settings());

        await scenario.Publish(workload.Events);

        // An operation that meets 429s, 5xx and hangs in a row backs off to 5 s between attempts: the last few can take more than a
        // minute between answers, which is slow, not lost.
        await scenario.WaitForAnswers(TimeSpan.FromMinutes(4), stall: TimeSpan.FromMinutes(2));

        var (serverErrors, hangs, applyThenFail, throttled, calls) = (0, 0, 0, 0, 0);
        var problems = await scenario.Finish(
            "4. Walmart storm: 30% 5xx, 10% hangs, 5% apply-then-503, 5 calls/s per seller and endpoint",
            "4-storm",
            sandbox =>
            {
                serverErrors = sandbox.Count((status, fault) => status >= 500 && fault is "500" or "503");
                hangs = sandbox.Count((_, fault) => fault == "hang");
                applyThenFail = sandbox.Count((status, fault) => fault == "apply-then-503" && status == 503);
                throttled = sandbox.Count((status, _) => status == 429);
                calls = sandbox.Calls.Count;
                return $"{calls} Walmart calls: {serverErrors} answered 5xx, {hangs} hung past the worker's 3 s timeout, {applyThenFail} applied then answered 503, {throttled} throttled (429)";
            });
        if (serverErrors == 0 || hangs == 0 || applyThenFail == 0 || throttled == 0)
        {
            problems.Add($"the storm missed a fault: {serverErrors} 5xx, {hangs} hangs, {applyThenFail} apply-then-503, {throttled} 429");
        }

        await scenario.ShouldHaveNoProblems(problems);
    }
}
