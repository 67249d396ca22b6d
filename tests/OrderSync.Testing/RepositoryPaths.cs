namespace OrderSync.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository's root: the folder holding Integration.sln, found upwards from the running program's binaries.</summary>
    public static string Root { get; } = Find(null);

    /// <summary>A sample Commerce event of <c>ops/samples</c>, e.g. <c>shipment-saved.json</c>.</summary>
    public static string Sample(string name) => Path.Combine(Root, "ops", "samples", name);

    /// <summary>The given folder, or the first folder holding Integration.sln above the running program's binaries.</summary>
    public static string Find(string? root)
    {
        if (root is not null)
        {
            return Path.GetFullPath(root);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Integration.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Integration.sln above {AppContext.BaseDirectory}.");
    }
}
