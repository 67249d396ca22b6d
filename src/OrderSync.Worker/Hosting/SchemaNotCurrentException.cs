namespace OrderSync.Worker.Hosting;

/// <summary>The worker may not migrate and the database lacks scripts it needs: it stops rather than fail on missing columns.</summary>
public sealed class SchemaNotCurrentException(IReadOnlyList<string> pending) : Exception(
    $"the database schema is not current ({pending.Count} migration(s) pending, first {pending[0]}); run `dotnet OrderSync.Worker.dll migrate` " +
    "as the schema's owner, or set Database__MigrateOnStart=true")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
