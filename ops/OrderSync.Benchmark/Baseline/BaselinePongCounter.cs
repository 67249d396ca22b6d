using OrderSync.Benchmark.Measurement;

namespace OrderSync.Benchmark.Baseline;

/// <summary>Counts pongs and records their latency from the ping's send; completes when the expected number arrived.</summary>
public sealed class BaselinePongCounter
{
    private readonly Lock _gate = new();
    private LatencyDistribution _latency = new();
    private TaskCompletionSource<DateTimeOffset> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _arrived;

    public LatencyDistribution Latency => _latency;

    /// <summary>Completes with the moment the last expected pong arrived.</summary>
    public Task<DateTimeOffset> AllArrived => _done.Task;

    public int Arrived => Volatile.Read(ref _arrived);

    public void Expect(int count)
    {
        lock (_gate)
        {
            _expected = count;
            _arrived = 0;
            _latency = new LatencyDistribution();
            _done = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Arrive(BaselinePong pong)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            _latency.Record(now - pong.SentAt);
            if (++_arrived == _expected)
            {
                _done.TrySetResult(now);
            }
        }
    }
}
