using OrderSync.Benchmark.Workload;

namespace OrderSync.Benchmark.Scenarios;

public static class ResultWait
{
    /// <summary>Waits for every expected result, saying how many arrived every 15 s; false when the time ran out first.</summary>
    public static async Task<bool> ForAllAsync(ResultCollector collector, string scenario, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                BenchmarkContext.Say(scenario, $"gave up after {timeout.TotalSeconds:N0} s: {collector.ExpectedArrived:N0} of {collector.ExpectedCount:N0} results arrived");
                return false;
            }

            if (await collector.WaitForAllAsync(left < TimeSpan.FromSeconds(15) ? left : TimeSpan.FromSeconds(15), cancellationToken))
            {
                return true;
            }

            BenchmarkContext.Say(scenario, $"{collector.ExpectedArrived:N0} of {collector.ExpectedCount:N0} results so far");
        }
    }
}
