using System.Globalization;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// What the sandbox does to one call instead of, or on top of, answering normally. Written as in the
/// X-Sandbox-Fault header: comma-separated "503" (any 5xx, or 429), "hang", "apply-then-503",
/// "apply-then-hang", "latency=200".
/// </summary>
public sealed record FaultPlan(int LatencyMs, int? FailStatus, bool Hang, bool ApplyFirst)
{
    public static readonly FaultPlan None = new(0, null, false, false);

    public bool FailsBeforeApplying => !ApplyFirst && (FailStatus is not null || Hang);

    public bool FailsAfterApplying => ApplyFirst && (FailStatus is not null || Hang);

    public static bool TryParse(string? text, out FaultPlan plan)
    {
        plan = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var token = part.ToLowerInvariant();
            if (token.StartsWith("latency=", StringComparison.Ordinal)
                && int.TryParse(token["latency=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var latency))
            {
                plan = plan with { LatencyMs = plan.LatencyMs + latency };
                continue;
            }

            var applyFirst = token.StartsWith("apply-then-", StringComparison.Ordinal);
            var failure = applyFirst ? token["apply-then-".Length..] : token;
            if (failure == "hang")
            {
                plan = plan with { Hang = true, FailStatus = null, ApplyFirst = applyFirst };
            }
            else if (int.TryParse(failure, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && (status is 429 || status is >= 500 and <= 599))
            {
                plan = plan with { FailStatus = status, Hang = false, ApplyFirst = applyFirst };
            }
            else
            {
                plan = None;
                return false;
            }
        }

        return true;
    }

    public FaultPlan CombineWith(FaultPlan other) =>
        FailStatus is null && !Hang
            ? other with { LatencyMs = LatencyMs + other.LatencyMs }
            : this with { LatencyMs = LatencyMs + other.LatencyMs };

    public override string ToString()
    {
        var parts = new List<string>();
        if (LatencyMs > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"latency={LatencyMs}"));
        }

        var failure = Hang ? "hang" : FailStatus?.ToString(CultureInfo.InvariantCulture);
        if (failure is not null)
        {
            parts.Add(ApplyFirst ? $"apply-then-{failure}" : failure);
        }

        return string.Join(',', parts);
    }
}
