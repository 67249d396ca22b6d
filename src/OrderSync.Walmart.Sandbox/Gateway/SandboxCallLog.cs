using System.Collections.Concurrent;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>Every Walmart API call the sandbox received, newest last, capped so a long run cannot exhaust memory.</summary>
public sealed class SandboxCallLog
{
    private const int Capacity = 50_000;

    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private long sequence;

    public long NextSequence() => Interlocked.Increment(ref sequence);

    public void Add(RecordedCall call)
    {
        calls.Enqueue(call);
        while (calls.Count > Capacity && calls.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RecordedCall> List() => calls.OrderBy(call => call.Sequence).ToList();

    public void Clear() => calls.Clear();
}
