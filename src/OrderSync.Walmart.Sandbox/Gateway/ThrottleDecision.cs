namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed record ThrottleDecision(bool Allowed, int TokensLeft, DateTimeOffset NextReplenish);
