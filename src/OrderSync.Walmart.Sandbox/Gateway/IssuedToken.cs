namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed record IssuedToken(string Seller, DateTimeOffset ExpiresAt);
