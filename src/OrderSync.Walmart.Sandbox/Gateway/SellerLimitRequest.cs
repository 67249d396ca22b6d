namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>
/// Body of PUT /admin/throttle/sellers/{seller}. CallsPerSecond may be a fraction; Capacity defaults to
/// max(1, ceiling of CallsPerSecond); Scope is "seller" (the default) or "endpoint".
/// </summary>
public sealed record SellerLimitRequest(double? CallsPerSecond, int? Capacity, string? Scope);
