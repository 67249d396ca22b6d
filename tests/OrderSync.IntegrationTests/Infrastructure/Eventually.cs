namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>Waits, within a bound, for a condition that other threads or processes make true.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static Task True(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        True(() => Task.FromResult(condition()), what, timeout);

    public static async Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until <paramref name="read"/> gives a value that satisfies <paramref name="condition"/>, and returns it.</summary>
    public static async Task<T> Matches<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s: {what}; last seen: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
