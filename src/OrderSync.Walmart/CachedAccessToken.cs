namespace OrderSync.Walmart;

internal sealed record CachedAccessToken(string Value, DateTimeOffset RefreshAt);
