namespace OrderSync.Walmart.Budget;

/// <summary>
/// This process's mirror of one Walmart token bucket (a seller account's endpoint). It refills at a learnt rate that never
/// exceeds the configured one, and every answer of Walmart's corrects it: the token count clamps the mirror, an empty bucket
/// or a 429 holds every call until Walmart's next replenish time, a 429 cuts the rate, headroom raises it again.
/// Not thread-safe: <see cref="WalmartBudgets"/> calls it under a lock, with the time, so that tests can drive it.
/// </summary>
internal sealed class SellerBudget
{
    // Cut by 30% on a 429 and by 10% when Walmart reports its bucket empty; at most once a second, so that the calls
    // that were in flight together count as one signal.
    private const double ThrottledCut = 0.7;
    private const double EmptyBucketCut = 0.9;
    private static readonly TimeSpan CutCooldown = TimeSpan.FromSeconds(1);

    // Regained by a tenth of the ceiling each second while Walmart shows headroom and calls are waiting; without Walmart's
    // count, by a fiftieth, and only after ten seconds without a 429.
    private const double RaisePerSecondWithHeadroom = 0.10;
    private const double RaisePerSecondBlind = 0.02;
    private static readonly TimeSpan BlindRaiseQuiet = TimeSpan.FromSeconds(10);

    private readonly double ceiling;
    private readonly double floor;
    private readonly double capacity;

    private double tokens;
    private DateTimeOffset refilledAt;
    private DateTimeOffset heldUntil;
    private DateTimeOffset lastCut = DateTimeOffset.MinValue;
    private DateTimeOffset lastRaise;
    private DateTimeOffset lastThrottled = DateTimeOffset.MinValue;
    private bool answered;
    private bool callsWaited;
    private int largestCount;

    /// <param name="permitsPerMinute">The configured limit: the starting rate and the ceiling.</param>
    /// <param name="burst">The configured bucket size; one token is kept in reserve against clock skew with Walmart's.</param>
    public SellerBudget(int permitsPerMinute, int burst, DateTimeOffset now)
    {
        ceiling = permitsPerMinute / 60.0;
        floor = Math.Min(ceiling, Math.Max(ceiling / 100, 1 / 60.0));
        capacity = Math.Max(1, burst - 1);
        Rate = ceiling;
        tokens = capacity;
        refilledAt = now;
        lastRaise = now;
    }

    /// <summary>Calls a second as learnt: Walmart's grant for this bucket as far as this process can tell.</summary>
    public double Rate { get; private set; }

    public double CeilingRate => ceiling;

    public int InFlight { get; private set; }

    /// <summary>Until when Walmart asked to wait (its replenish time after a 429 or an empty bucket).</summary>
    public DateTimeOffset HeldUntil => heldUntil;

    /// <summary>Takes a token, or says how long until one may be there.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        Refill(now);
        if (now < heldUntil)
        {
            callsWaited = true;
            return heldUntil - now;
        }

        // Until Walmart's first answer the bucket's real state is unknown: one call finds it out before others follow.
        if (!answered && InFlight > 0)
        {
            return TimeSpan.FromMilliseconds(20);
        }

        if (tokens < 1)
        {
            callsWaited = true;
            return TimeSpan.FromSeconds((1 - tokens) / Rate);
        }

        tokens -= 1;
        InFlight++;
        return null;
    }

    /// <summary>
    /// Takes a token only when half the bucket would be left for calls that cannot wait, or says how long until it would be.
    /// Reconciling spends what shipments and cancellations leave, never what they are about to need.
    /// </summary>
    public TimeSpan? TryTakeSpare(DateTimeOffset now)
    {
        Refill(now);
        var kept = Math.Floor(capacity / 2);
        if (now < heldUntil)
        {
            return heldUntil - now;
        }

        if (!answered && InFlight > 0)
        {
            return TimeSpan.FromMilliseconds(20);
        }

        if (tokens < kept + 1)
        {
            return TimeSpan.FromSeconds((kept + 1 - tokens) / Rate);
        }

        tokens -= 1;
        InFlight++;
        return null;
    }

    /// <summary>Walmart answered a call made with a token of this bucket.</summary>
    /// <param name="throttled">The answer was a 429.</param>
    /// <param name="tokenCount">x-current-token-count, when sent: tokens left in Walmart's bucket after this call.</param>
    /// <param name="replenishAt">x-next-replenish-time, when sent.</param>
    public void Answered(DateTimeOffset now, bool throttled, int? tokenCount, DateTimeOffset? replenishAt)
    {
        InFlight = Math.Max(0, InFlight - 1);
        answered = true;
        Refill(now);

        if (tokenCount is { } count)
        {
            largestCount = Math.Max(largestCount, count);

            // Calls still in flight will take from what Walmart has left; a debt makes the next call wait for it.
            tokens = Math.Max(-capacity, Math.Min(tokens, count - InFlight));
        }

        if (throttled)
        {
            lastThrottled = now;
            tokens = Math.Min(tokens, 0);
            HoldUntil(replenishAt is { } at && at > now ? at : now + TimeSpan.FromSeconds(1 / Rate));
            Cut(now, ThrottledCut);
        }
        else if (tokenCount == 0)
        {
            if (replenishAt is { } at && at > now)
            {
                HoldUntil(at);
            }

            // A bucket of one token is empty after every call: only a larger one says the rate runs ahead of Walmart's.
            if (largestCount > 0)
            {
                Cut(now, EmptyBucketCut);
            }
        }
        else if (tokenCount >= Math.Min(2, largestCount) || (tokenCount is null && now - lastThrottled >= BlindRaiseQuiet))
        {
            Raise(now, tokenCount is null ? RaisePerSecondBlind : RaisePerSecondWithHeadroom);
        }
    }

    /// <summary>
    /// Another endpoint of the seller was answered 429: Walmart may meter both in one bucket, so this one waits for the same
    /// replenish time rather than spend a token the other just found missing. Its rate stays.
    /// </summary>
    public void HoldForAnother(DateTimeOffset until) => HoldUntil(until);

    /// <summary>A call made with a token got no answer (timeout, connection fault): Walmart may or may not have counted it.</summary>
    public void Unanswered() => InFlight = Math.Max(0, InFlight - 1);

    private void HoldUntil(DateTimeOffset at)
    {
        if (at <= heldUntil)
        {
            return;
        }

        // Tokens come back from the replenish time at the learnt rate, not all at once: the calls held together, and those of
        // another endpoint that may draw on the same bucket at Walmart, go out spaced instead of colliding again.
        heldUntil = at;
        refilledAt = at;
        tokens = Math.Min(tokens, 0);
    }

    private void Cut(DateTimeOffset now, double factor)
    {
        if (now - lastCut < CutCooldown)
        {
            return;
        }

        lastCut = now;
        lastRaise = now;
        Rate = Math.Max(floor, Rate * factor);
    }

    private void Raise(DateTimeOffset now, double fractionOfCeilingPerSecond)
    {
        var elapsed = Math.Min(1, (now - lastRaise).TotalSeconds);
        lastRaise = now;
        if (!callsWaited || elapsed <= 0 || now - lastCut < CutCooldown)
        {
            return;
        }

        callsWaited = false;
        Rate = Math.Min(ceiling, Rate + (ceiling * fractionOfCeilingPerSecond * elapsed));
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= refilledAt)
        {
            return;
        }

        tokens = Math.Min(capacity, tokens + ((now - refilledAt).TotalSeconds * Rate));
        refilledAt = now;
    }
}
