namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed class SandboxFaults
{
    private static readonly Dictionary<string, SandboxOperation> OperationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["token"] = SandboxOperation.Token,
        ["get"] = SandboxOperation.GetOrder,
        ["getorder"] = SandboxOperation.GetOrder,
        ["ship"] = SandboxOperation.Shipping,
        ["shipping"] = SandboxOperation.Shipping,
        ["cancel"] = SandboxOperation.Cancel,
        ["acknowledge"] = SandboxOperation.Acknowledge,
    };

    private readonly Lock gate = new();
    private readonly List<FaultRule> rules = [];

    /// <summary>The name used in fault rules and the call log: get, shipping, cancel, acknowledge, token.</summary>
    public static string NameOf(SandboxOperation operation) => operation switch
    {
        SandboxOperation.Token => "token",
        SandboxOperation.GetOrder => "get",
        SandboxOperation.Shipping => "shipping",
        SandboxOperation.Cancel => "cancel",
        _ => "acknowledge",
    };

    public static bool TryParseOperation(string? text, out SandboxOperation? operation)
    {
        operation = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!OperationNames.TryGetValue(text.Trim(), out var found))
        {
            return false;
        }

        operation = found;
        return true;
    }

    public FaultRule Add(string? purchaseOrderId, SandboxOperation? operation, FaultPlan plan, double rate, int? times)
    {
        var rule = new FaultRule(Guid.NewGuid(), purchaseOrderId, operation, plan, rate, times);
        lock (gate)
        {
            rules.Add(rule);
        }

        return rule;
    }

    public IReadOnlyList<FaultRule> List()
    {
        lock (gate)
        {
            return rules.ToList();
        }
    }

    public bool Remove(Guid id)
    {
        lock (gate)
        {
            return rules.RemoveAll(rule => rule.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>The plan for one call: every matching rule that fires adds its latency; the first failure wins.</summary>
    public FaultPlan Resolve(SandboxOperation operation, string? purchaseOrderId)
    {
        var plan = FaultPlan.None;
        lock (gate)
        {
            for (var index = 0; index < rules.Count; index++)
            {
                var rule = rules[index];
                if (!rule.Matches(operation, purchaseOrderId) || Random.Shared.NextDouble() >= rule.Rate)
                {
                    continue;
                }

                plan = plan.CombineWith(rule.Plan);
                if (rule.RemainingTimes is { } remaining)
                {
                    rules[index] = rule with { RemainingTimes = remaining - 1 };
                }
            }
        }

        return plan;
    }
}
