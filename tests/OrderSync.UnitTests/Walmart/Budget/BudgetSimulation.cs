using OrderSync.Walmart.Budget;

namespace OrderSync.UnitTests.Walmart.Budget;

/// <summary>
/// A lane of one seller on a simulated clock: each worker reads the order, then ships it, each call waiting for its endpoint's
/// budget; Walmart answers after a fixed latency from one bucket shared by both endpoints, or one each.
/// </summary>
internal sealed class BudgetSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    private readonly SellerBudget read;
    private readonly SellerBudget ship;
    private readonly WalmartBucketModel readBucket;
    private readonly WalmartBucketModel shipBucket;
    private readonly TimeSpan latency;
    private readonly bool sendsHeaders;
    private readonly List<(DateTimeOffset At, bool Throttled)> answers = [];
    private readonly List<(DateTimeOffset At, double Read, double Ship)> rates = [];
    private readonly List<Worker> workers;

    public BudgetSimulation(
        (int PerMinute, int Burst) readLimit, (int PerMinute, int Burst) shipLimit, WalmartBucketModel shared, int lanes = 4,
        int latencyMs = 20, bool sendsHeaders = true, WalmartBucketModel? shipOwn = null)
    {
        read = new SellerBudget(readLimit.PerMinute, readLimit.Burst, Start);
        ship = new SellerBudget(shipLimit.PerMinute, shipLimit.Burst, Start);
        readBucket = shared;
        shipBucket = shipOwn ?? shared;
        latency = TimeSpan.FromMilliseconds(latencyMs);
        this.sendsHeaders = sendsHeaders;
        workers = [.. Enumerable.Range(0, lanes).Select(_ => new Worker())];
        Now = Start;
    }

    public static DateTimeOffset Epoch => Start;

    public DateTimeOffset Now { get; private set; }

    public int Shipped { get; private set; }

    public SellerBudget Read => read;

    public SellerBudget Ship => ship;

    public void RunFor(TimeSpan duration)
    {
        var end = Now + duration;
        for (; Now < end; Now += Step)
        {
            foreach (var worker in workers)
            {
                Advance(worker);
            }

            if (Now.Millisecond == 0)
            {
                rates.Add((Now, read.Rate, ship.Rate));
            }
        }
    }

    /// <summary>Calls answered a second between the two moments, from the start.</summary>
    public double CallsPerSecond(TimeSpan from, TimeSpan to) =>
        answers.Count(a => !a.Throttled && a.At >= Start + from && a.At < Start + to) / (to - from).TotalSeconds;

    public int Throttled(TimeSpan from, TimeSpan to) => answers.Count(a => a.Throttled && a.At >= Start + from && a.At < Start + to);

    public int Calls(TimeSpan from, TimeSpan to) => answers.Count(a => a.At >= Start + from && a.At < Start + to);

    public string Trace() => string.Join("\n", rates.Where((_, i) => i % 2 == 0).Select(r =>
        $"{(r.At - Start).TotalSeconds,5:0} read {r.Read:0.00} ship {r.Ship:0.00} ok {answers.Count(a => !a.Throttled && a.At > r.At - TimeSpan.FromSeconds(2) && a.At <= r.At) / 2.0:0.0}/s 429 {answers.Count(a => a.Throttled && a.At > r.At - TimeSpan.FromSeconds(2) && a.At <= r.At)}"));

    public double SummedRateAt(TimeSpan at) => rates.Last(r => r.At <= Start + at) is var r ? r.Read + r.Ship : 0;

    private void Advance(Worker worker)
    {
        if (worker.AnswerAt is { } answerAt)
        {
            if (Now < answerAt)
            {
                return;
            }

            var (budget, bucket) = worker.Shipping ? (ship, shipBucket) : (read, readBucket);
            var (allowed, count, replenishAt) = worker.WalmartDecision;
            budget.Answered(Now, !allowed, sendsHeaders ? count : null, sendsHeaders || !allowed ? replenishAt : null);
            if (!allowed)
            {
                // As WalmartBudgets does: a 429 holds the seller's other endpoints until the same replenish time.
                (budget == ship ? read : ship).HoldForAnother(budget.HeldUntil);
            }

            answers.Add((Now, !allowed));
            worker.AnswerAt = null;
            if (allowed)
            {
                if (worker.Shipping)
                {
                    Shipped++;
                }

                worker.Shipping = !worker.Shipping;
            }

            return;
        }

        if (worker.NextTry > Now)
        {
            return;
        }

        var (wanted, walmart) = worker.Shipping ? (ship, shipBucket) : (read, readBucket);
        if (wanted.TryTake(Now) is { } wait)
        {
            worker.NextTry = Now + wait;
            return;
        }

        // Walmart takes its token half way through the call's latency.
        worker.WalmartDecision = walmart.Take(Now + (latency / 2));
        worker.AnswerAt = Now + latency;
    }

    private sealed class Worker
    {
        public bool Shipping;
        public DateTimeOffset NextTry;
        public DateTimeOffset? AnswerAt;
        public (bool Allowed, int Count, DateTimeOffset ReplenishAt) WalmartDecision;
    }
}
