namespace OrderSync.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository's root: the folder holding Integration.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the repository (contracts, Walmart documents).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string ContractExample(string name) => Path.Combine(Shared, "contracts", "examples", name);

    private static string FindRoot()
    {
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
