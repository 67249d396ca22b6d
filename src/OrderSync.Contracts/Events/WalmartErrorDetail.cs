namespace OrderSync.Contracts.Events;

public sealed record WalmartErrorDetail(string Code, string? Field, string? Description);
