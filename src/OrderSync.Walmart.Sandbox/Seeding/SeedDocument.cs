namespace OrderSync.Walmart.Sandbox.Seeding;

/// <summary>The seed format: {"orders":[...]}, used by Sandbox:SeedFile and POST /admin/orders.</summary>
public sealed record SeedDocument(IReadOnlyList<SeedOrder>? Orders);
