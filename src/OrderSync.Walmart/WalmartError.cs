namespace OrderSync.Walmart;

public sealed record WalmartError(string Code, string? Field, string? Description);
