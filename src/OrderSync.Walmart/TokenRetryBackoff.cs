namespace OrderSync.Walmart;

/// <summary>
/// How long after a failed token request a seller's token is asked for again: a minute, doubling with each failure in
/// a row, at most 15 minutes. An issued token starts it over.
/// </summary>
internal static class TokenRetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <param name="failuresInARow">At least 1.</param>
    public static TimeSpan After(int failuresInARow)
    {
        var doublings = Math.Clamp(failuresInARow - 1, 0, 10);
        var wait = First * (1 << doublings);
        return wait < Longest ? wait : Longest;
    }
}
