namespace OrderSync.Benchmark.Infrastructure;

/// <summary>Calls a reading at once and then on every tick of the interval, until stopped.</summary>
internal static class PeriodicReads
{
    public static async Task RunAsync(TimeSpan interval, Action read, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                read();
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
