namespace OrderSync.Worker.Hosting;

/// <summary>Section "Database": how the worker treats the schema at start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Applies the migrations at start (the contract's default). Deployments that migrate as a step of their own, as the
    /// schema's owner, set it to false and run the worker as a role with data rights only.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
