namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// Body of POST /admin/faults. Fault uses the X-Sandbox-Fault syntax; LatencyMs adds latency; Rate is the
/// chance (0..1, default 1) that a matching call is hit; Times, when set, limits how many calls are hit.
/// Operation is one of get, shipping, cancel, acknowledge, token; without it the rule hits every Orders call.
/// </summary>
public sealed record FaultRuleRequest(string? PurchaseOrderId, string? Operation, string? Fault, int? LatencyMs, double? Rate, int? Times);
