using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.Walmart.Sandbox.Seeding;

/// <summary>Loads Sandbox:SeedFile into the order book, at start and on reset.</summary>
public sealed class SandboxSeeder(
    IOptions<SandboxOptions> options, IHostEnvironment environment, SeedOrderConverter converter, SandboxOrderBook orders)
{
    public static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web);

    /// <returns>How many orders were loaded.</returns>
    public int LoadSeedFile()
    {
        var seedFile = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(seedFile))
        {
            return 0;
        }

        var path = new[] { seedFile, Path.Combine(environment.ContentRootPath, seedFile), Path.Combine(AppContext.BaseDirectory, seedFile) }
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Sandbox:SeedFile '{seedFile}' was not found.");

        SeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SeedDocument>(File.ReadAllText(path), SeedJson);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"Sandbox:SeedFile '{path}' is not valid seed JSON: {exception.Message}", exception);
        }

        var (loaded, errors) = converter.Convert(document?.Orders ?? []);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Sandbox:SeedFile '{path}' has invalid orders: {string.Join("; ", errors)}");
        }

        orders.Put(loaded);
        return loaded.Count;
    }
}
